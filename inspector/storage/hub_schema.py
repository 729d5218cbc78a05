"""The company hub's schema in PostgreSQL, as numbered steps (``hub init`` applies the missing).

Everything lives in the schema ``inspector_hub``. Who may do what is the database's business,
not the app's: grants, row-level security and triggers, so that a site's login role cannot add
another site's documents or change a stored one however it connects.

- ``sites``: one row per site; ``role_name`` is its login role, ``site_id`` the UUID of its
  database (claimed at its first ``hub connect``), ``head_seq``/``head_hash`` the end of its
  chain on the hub (kept by the document trigger).
- ``documents``: append-only. The trigger ``check_document`` verifies each one before it is
  stored: the content hashes to its content hash, the chain hash follows from the previous one,
  and it continues its site's chain. A refused document raises an error naming the site and
  the line-up, and nothing of it is stored. A document sent again is skipped.
- ``checklist_versions``: the exact words records were judged against, by hash (verified).
- ``roster``: the master roster HR publishes; sites read it.

Roles: ``inspector_site`` (group of the site logins) and ``inspector_hr`` (group of HR logins).
"""

from __future__ import annotations

SCHEMA = "inspector_hub"
SITE_GROUP = "inspector_site"
HR_GROUP = "inspector_hr"

_ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{SITE_GROUP}') THEN
        CREATE ROLE {SITE_GROUP} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{HR_GROUP}') THEN
        CREATE ROLE {HR_GROUP} NOLOGIN;
    END IF;
END $$;
"""

_V1 = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
SET LOCAL search_path = {SCHEMA}, pg_catalog;
REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC;
GRANT USAGE ON SCHEMA {SCHEMA} TO {SITE_GROUP}, {HR_GROUP};

CREATE TABLE sites (
    name text PRIMARY KEY CHECK (length(trim(name)) > 0),
    site_id uuid UNIQUE,
    role_name text UNIQUE,
    head_seq bigint NOT NULL DEFAULT 0,
    head_hash text NOT NULL DEFAULT repeat('0', 64),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE checklist_versions (
    content_hash text PRIMARY KEY,
    set_id text NOT NULL,
    version integer NOT NULL,
    content text NOT NULL,
    added_by text NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
    global_id uuid PRIMARY KEY,
    site_id uuid NOT NULL REFERENCES sites (site_id),
    seq bigint NOT NULL CHECK (seq > 0),
    kind text NOT NULL CHECK (kind IN ('lineup', 'amendment', 'recheck', 'observation')),
    record_id uuid NOT NULL,
    label text NOT NULL,
    content text,
    people text NOT NULL DEFAULT '{{}}',
    content_hash text NOT NULL,
    prev_hash text NOT NULL,
    chain_hash text NOT NULL,
    sealed_at timestamp NOT NULL,
    added_by text NOT NULL DEFAULT session_user,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (site_id, seq),
    UNIQUE (site_id, chain_hash)
);
CREATE INDEX documents_record ON documents (record_id);

CREATE TABLE roster (
    employee_no text PRIMARY KEY,
    name text NOT NULL,
    sex text NOT NULL CHECK (sex IN ('female', 'male')),
    department text NOT NULL DEFAULT '',
    role text NOT NULL,
    site text NOT NULL DEFAULT '',
    active boolean NOT NULL DEFAULT true,
    updated_by text NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The site of the login in use (NULL for HR and IT).
CREATE FUNCTION my_site() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = {SCHEMA}, pg_catalog
    AS $$ SELECT site_id FROM {SCHEMA}.sites WHERE role_name = session_user $$;

-- A site's database takes its hub login at its first connect; later connects must match.
CREATE FUNCTION claim_site(p_site uuid) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = {SCHEMA}, pg_catalog AS $$
DECLARE hit sites;
BEGIN
    SELECT * INTO hit FROM sites WHERE role_name = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The login % is not a site of this hub.', session_user;
    END IF;
    IF hit.site_id IS NULL THEN
        UPDATE sites SET site_id = p_site WHERE name = hit.name;
    ELSIF hit.site_id <> p_site THEN
        RAISE EXCEPTION 'The hub login of site % belongs to another database (site id %). Ask IT '
            'for a new site with inspector hub add-site.', hit.name, hit.site_id;
    END IF;
    RETURN hit.name;
END $$;

-- HR registers an offline site from its export file (a site that never connected).
CREATE FUNCTION register_site(p_site uuid, p_name text) RETURNS text LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = {SCHEMA}, pg_catalog AS $$
DECLARE hit sites;
BEGIN
    SELECT * INTO hit FROM sites WHERE site_id = p_site;
    IF FOUND THEN RETURN hit.name; END IF;
    SELECT * INTO hit FROM sites WHERE name = p_name FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO sites (name, site_id) VALUES (p_name, p_site);
    ELSIF hit.site_id IS NULL THEN
        UPDATE sites SET site_id = p_site WHERE name = p_name;
    ELSE
        RAISE EXCEPTION 'The hub already has another site named %.', p_name;
    END IF;
    RETURN p_name;
END $$;

CREATE FUNCTION check_document() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = {SCHEMA}, pg_catalog AS $$
DECLARE
    site sites;
    existing documents;
BEGIN
    SELECT * INTO site FROM sites WHERE site_id = NEW.site_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The hub does not know the site % of %: add it with inspector hub add-site.',
            NEW.site_id, NEW.label;
    END IF;
    SELECT * INTO existing FROM documents WHERE global_id = NEW.global_id;
    IF FOUND THEN
        IF existing.site_id = NEW.site_id AND existing.chain_hash = NEW.chain_hash THEN
            RETURN NULL;  -- already here: sending twice adds nothing
        END IF;
        RAISE EXCEPTION 'Refused from site %: % reuses the id of another document.',
            site.name, NEW.label;
    END IF;
    IF NEW.content IS NOT NULL
       AND encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex') <> NEW.content_hash THEN
        RAISE EXCEPTION 'Refused from site %: % does not match its seal %: its records were '
            'changed outside Inspector. Nothing of it was added to the hub.',
            site.name, NEW.label, left(NEW.chain_hash, 8) || '…';
    END IF;
    IF encode(sha256(convert_to(NEW.prev_hash || NEW.content_hash, 'UTF8')), 'hex')
       <> NEW.chain_hash THEN
        RAISE EXCEPTION 'Refused from site %: the seal of % is broken (its chain hash does not '
            'follow). Nothing of it was added to the hub.', site.name, NEW.label;
    END IF;
    IF NEW.prev_hash <> site.head_hash OR NEW.seq <= site.head_seq THEN
        RAISE EXCEPTION 'Refused from site %: % does not continue the site''s seal chain on the '
            'hub (the hub ends at seal %). Nothing of it was added to the hub.',
            site.name, NEW.label, site.head_seq;
    END IF;
    UPDATE sites SET head_seq = NEW.seq, head_hash = NEW.chain_hash WHERE name = site.name;
    NEW.added_by := session_user;
    NEW.received_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER documents_check BEFORE INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION check_document();

CREATE FUNCTION check_checklist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(convert_to(NEW.content, 'UTF8')), 'hex') <> NEW.content_hash THEN
        RAISE EXCEPTION 'Refused: the words of checklist % version % do not match their hash.',
            NEW.set_id, NEW.version;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER checklist_versions_check BEFORE INSERT ON checklist_versions
    FOR EACH ROW EXECUTE FUNCTION check_checklist();

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The hub''s % are append-only: a stored record is never changed or removed.',
        TG_TABLE_NAME;
END $$;
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
CREATE TRIGGER checklist_versions_append_only BEFORE UPDATE OR DELETE ON checklist_versions
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER checklist_versions_no_truncate BEFORE TRUNCATE ON checklist_versions
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_reads_own ON documents FOR SELECT TO {SITE_GROUP}
    USING (site_id = my_site());
CREATE POLICY site_adds_own ON documents FOR INSERT TO {SITE_GROUP}
    WITH CHECK (site_id = my_site());
CREATE POLICY hr_reads_all ON documents FOR SELECT TO {HR_GROUP} USING (true);
-- HR brings in the files of offline sites (hub import); the trigger checks them all the same.
CREATE POLICY hr_imports ON documents FOR INSERT TO {HR_GROUP} WITH CHECK (true);

REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC;
GRANT SELECT ON sites, checklist_versions, roster TO {SITE_GROUP}, {HR_GROUP};
GRANT SELECT, INSERT ON documents TO {SITE_GROUP}, {HR_GROUP};
GRANT INSERT ON checklist_versions TO {SITE_GROUP}, {HR_GROUP};
GRANT INSERT, UPDATE ON roster TO {HR_GROUP};
GRANT EXECUTE ON FUNCTION my_site() TO {SITE_GROUP}, {HR_GROUP};
GRANT EXECUTE ON FUNCTION claim_site(uuid) TO {SITE_GROUP};
GRANT EXECUTE ON FUNCTION register_site(uuid, text) TO {HR_GROUP};
"""

# (version, SQL). Never edit a step that shipped: add the next one.
STEPS: tuple[tuple[int, str], ...] = ((1, _V1),)

VERSION_TABLE = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
"""

ROLES = _ROLES
