from tests.services import pg_url, redis_url  # noqa: F401  (fixtures)
