-- Change notifications for the in-process caches (server/lib/change-feed.ts). Triggers, not
-- application code, so that every writer (any process, the CLI, psql) invalidates them.
-- "sinergi_auth": who a session or token is (sessions, users, grants, organization paths).
-- "sinergi_directory": organization tree and user list responses.
CREATE FUNCTION sinergi_notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sinergi_auth', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION sinergi_notify_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sinergi_directory', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.two_factor_pending IS DISTINCT FROM NEW.two_factor_pending OR NEW.expires_at < OLD.expires_at)
  EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
-- Not on every "last used" stamp: only what changes whether a token works.
CREATE TRIGGER api_tokens_auth_changed AFTER UPDATE ON api_tokens FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER api_tokens_auth_deleted AFTER DELETE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.name IS DISTINCT FROM NEW.name OR OLD.locale IS DISTINCT FROM NEW.locale)
  EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER grants_auth_changed AFTER INSERT OR UPDATE OR DELETE ON grants FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER organizations_auth_changed AFTER UPDATE ON organizations FOR EACH ROW
  WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.active IS DISTINCT FROM NEW.active)
  EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER organizations_directory_changed AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_directory();--> statement-breakpoint
-- Not on failed sign-ins (anyone can cause those): only what the user list shows.
CREATE TRIGGER users_directory_changed AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.name, OLD.email, OLD.phone, OLD.status, OLD.totp_secret IS NULL, OLD.last_login_at)
        IS DISTINCT FROM (NEW.name, NEW.email, NEW.phone, NEW.status, NEW.totp_secret IS NULL, NEW.last_login_at))
  EXECUTE FUNCTION sinergi_notify_directory();--> statement-breakpoint
CREATE TRIGGER users_directory_added AFTER INSERT OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_directory();--> statement-breakpoint
CREATE TRIGGER grants_directory_changed AFTER INSERT OR UPDATE OR DELETE ON grants FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_directory();--> statement-breakpoint
-- TRUNCATE (psql, restores) empties the caches too.
CREATE TRIGGER sessions_truncated AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER api_tokens_truncated AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER grants_truncated AFTER TRUNCATE ON grants FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();--> statement-breakpoint
CREATE TRIGGER organizations_truncated AFTER TRUNCATE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION sinergi_notify_auth();
