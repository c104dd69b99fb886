"""The clinician web page and the socket.io channel that serves it (same origin as the Rasa server)."""
