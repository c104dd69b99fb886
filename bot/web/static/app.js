/* The clinician page. Every string from the bot or the user is inserted as text (textContent), never as HTML.
 * The conversation lives on the server (session persistence: the socket joins the session id kept in
 * localStorage); Rasa does not replay history to a new socket, so the page also keeps what it has shown, keyed
 * by that session id, and draws it again after a reload. */
(function () {
  "use strict";

  var STORE = "alk-assistant";
  var log = document.getElementById("log");
  var input = document.getElementById("input");
  var typing = document.getElementById("typing");
  var statusEl = document.getElementById("status");
  var caseFields = document.getElementById("case-fields");
  var fieldLabels = {};
  var state = load();
  var typingTimer = null;

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: keep going */ }
  }
  function transcript() {
    state.transcripts = state.transcripts || {};
    return (state.transcripts[state.session] = state.transcripts[state.session] || []);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function human(value) {
    if (Array.isArray(value)) return value.length ? value.map(human).join(", ") : "none";
    if (value === true) return "yes";
    if (value === false) return "no";
    return String(value).replace(/_/g, " ");
  }
  function clock(time) {
    return new Date(time).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  // ---- the case panel ---------------------------------------------------------------------------------------
  function showCase(caseDoc) {
    state.caseDoc = caseDoc;
    save();
    caseFields.replaceChildren();
    var keys = Object.keys(caseDoc || {});
    if (!keys.length) { caseFields.appendChild(el("div", "empty", "Nothing collected yet.")); return; }
    keys.forEach(function (key) {
      var label = (fieldLabels[key] || key.replace(/_/g, " ")).split(" (")[0];
      caseFields.appendChild(el("dt", null, label.charAt(0).toUpperCase() + label.slice(1)));
      caseFields.appendChild(el("dd", null, human(caseDoc[key])));
    });
  }

  // ---- the recommendation card ------------------------------------------------------------------------------
  var HEADLINE = { recommendation: "Recommended next line", needs_information: "Provisional: information needed",
                   out_of_scope: "Outside this assistant's scope" };

  function list(items, render, className) {
    var ul = el("ul", className);
    items.forEach(function (item) { ul.appendChild(render(item)); });
    return ul;
  }
  function section(card, title, node) {
    card.appendChild(el("h3", null, title));
    card.appendChild(node);
  }
  function card(data, text) {
    var rec = data.recommendation, labels = data.labels || {};
    var label = function (t) { return labels[t] || human(t); };
    var node = el("article", "card status-" + rec.status);
    node.setAttribute("aria-label", "Recommendation");
    node.appendChild(el("p", "headline", HEADLINE[rec.status] || rec.status));
    rec.preferred.forEach(function (o) {
      node.appendChild(el("p", "preferred", o.label));
      if (o.why) node.appendChild(el("p", "why", o.why));
    });
    if (rec.alternatives.length) section(node, "Alternatives", list(rec.alternatives, function (o) {
      var li = el("li"); li.appendChild(el("strong", null, o.label)); if (o.why) li.appendChild(document.createTextNode(": " + o.why)); return li;
    }));
    if (rec.avoid.length) section(node, "Avoid", list(rec.avoid, function (a) {
      var li = el("li"); li.appendChild(el("strong", null, label(a.therapy))); li.appendChild(document.createTextNode(": " + a.reason)); return li;
    }, "avoid"));
    if (rec.caveats.length) section(node, "Caveats", list(rec.caveats, function (c) { return el("li", null, c.text); }));
    if (rec.missing.length) section(node, "Would change or strengthen the answer", el("p", null,
      rec.missing.map(function (f) { return (fieldLabels[f] || human(f)).split(" (")[0]; }).join("; ")));
    var why = el("details", "trace");
    why.appendChild(el("summary", null, "Why? Rule trace (" + rec.rationale.map(function (r) { return r.rule; }).join(" → ") + ")"));
    why.appendChild(list(rec.rationale, function (r) {
      var li = el("li"); li.appendChild(el("strong", null, r.rule + ": ")); li.appendChild(document.createTextNode(r.because)); return li;
    }));
    node.appendChild(why);
    var evidence = el("details", "evidence");
    evidence.appendChild(el("summary", null, "Evidence (" + rec.evidence.length + ")"));
    evidence.appendChild(list(rec.evidence, function (e) {
      var li = el("li");
      li.appendChild(el("strong", null, e.id + " "));
      li.appendChild(document.createTextNode(e.citation));
      if (e.level) li.appendChild(el("span", "level", e.level));
      if (e.url && /^https:\/\//.test(e.url)) {
        var a = el("a", null, "link"); a.href = e.url; a.target = "_blank"; a.rel = "noopener noreferrer";
        li.appendChild(document.createTextNode(" ")); li.appendChild(a);
      }
      return li;
    }));
    node.appendChild(evidence);
    node.appendChild(el("p", "meta", "Knowledge base " + rec.knowledge_version + ". " + (data.disclaimer || "")));
    var actions = el("div", "actions");
    var copy = el("button", "secondary", "Copy summary");
    copy.type = "button";
    copy.addEventListener("click", function () { copyText(text || "", copy); });
    actions.appendChild(copy);
    node.appendChild(actions);
    return node;
  }
  function copyText(text, button) {
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy summary"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else { fallbackCopy(text); done(); }
  }
  function fallbackCopy(text) {
    var area = el("textarea"); area.value = text; area.setAttribute("readonly", "");
    area.style.position = "fixed"; area.style.opacity = "0"; document.body.appendChild(area);
    area.select(); try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  // ---- the log ------------------------------------------------------------------------------------------------
  function draw(entry) {
    var li = el("li", "msg " + entry.who);
    var custom = entry.custom || {};
    if (custom.recommendation) {
      li.appendChild(card(custom, entry.text));
    } else if (entry.text) {
      li.appendChild(el("div", "bubble", entry.text));
    } else {
      return;  // data only (the case panel's update): nothing to show in the log
    }
    if (entry.replies && entry.replies.length) {
      var row = el("div", "replies");
      entry.replies.forEach(function (r) {
        var b = el("button", null, r.title);
        b.type = "button";
        b.addEventListener("click", function () { send(r.payload, r.title); });
        row.appendChild(b);
      });
      li.appendChild(row);
    }
    var time = el("time", null, clock(entry.time)); time.dateTime = new Date(entry.time).toISOString();
    li.appendChild(time);
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
  }
  function record(entry) {
    transcript().push(entry);
    save();
    draw(entry);
  }

  // ---- the socket ---------------------------------------------------------------------------------------------
  var socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });

  function setStatus(text, cls) { statusEl.textContent = text; statusEl.className = "status " + cls; }

  socket.on("connect", function () {
    setStatus("connected", "online");
    socket.emit("session_request", { session_id: state.session || null });
  });
  socket.on("disconnect", function () { setStatus("connection lost: reconnecting…", "offline"); });
  socket.io.on("reconnect_attempt", function () { setStatus("connection lost: reconnecting…", "offline"); });
  socket.on("session_confirm", function (sessionId) {
    var first = !state.session || state.session !== sessionId;
    state.session = sessionId;
    save();
    if (first && !transcript().length) send("/greet", null);
  });
  socket.on("bot_uttered", function (msg) {
    stopTyping();
    var custom = msg.custom || {};
    if (custom.case) showCase(custom.case);
    record({ who: "bot", text: msg.text || "", replies: msg.quick_replies || msg.buttons || [], custom: custom,
             time: Date.now() });
  });

  function send(text, shown) {
    if (!text || !text.trim()) return;
    if (shown !== null) record({ who: "user", text: shown || text, time: Date.now() });
    socket.emit("user_uttered", { message: text, session_id: state.session, metadata: { trainee_id: state.session } });
    startTyping();
  }
  function startTyping() {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 30000);
  }
  function stopTyping() { typing.hidden = true; clearTimeout(typingTimer); }

  document.getElementById("composer").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });
  document.getElementById("new-case").addEventListener("click", function () { send("/start_case", "New case"); });

  // ---- a case opened from the health record: a CDS Hooks card's link ends in #case=<token> (bot/cds) ----------
  // The page trades the token for the case and its answer (POST, so it stays out of logs); it then leaves the URL.
  function loadLinkedCase() {
    var match = /^#case=([A-Za-z0-9_-]{20,})$/.exec(location.hash);
    if (!match) return;
    history.replaceState(null, "", location.pathname + location.search);
    // what is shown is kept in the session's transcript, so wait for the session id before recording it
    var whenSession = function (fn) { if (state.session) fn(); else socket.once("session_confirm", function () { fn(); }); };
    var say = function (text) { whenSession(function () { record({ who: "bot", text: text, time: Date.now() }); }); };
    fetch("../cds/case-exchange", { method: "POST", headers: { "Content-Type": "application/json" },
                                    body: JSON.stringify({ token: match[1] }) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) {
        if (!res.ok) { say(res.data.error || "This case link could not be opened."); return; }
        whenSession(function () {
          showCase(res.data.case);
          record({ who: "bot", text: res.data.text, custom: res.data, time: Date.now() });
        });
      })
      .catch(function () { say("This case link could not be opened: the assistant did not answer."); });
  }

  // ---- start: labels, then what this session already showed -----------------------------------------------
  fetch("labels.json").then(function (r) { return r.json(); }).then(function (labels) {
    fieldLabels = labels;
    if (state.caseDoc) showCase(state.caseDoc);
  }).catch(function () { /* labels are a nicety: raw field names still read */ });
  if (state.session) transcript().forEach(draw);
  if (state.caseDoc) showCase(state.caseDoc);
  loadLinkedCase();
  input.focus();
})();
