#if PostgreSQL
    import Foundation

    /// The team store's schema: numbered migrations, each applied once in its own transaction and
    /// recorded in `unge.skema`. A client older than the database's schema refuses to work (exit 3);
    /// a newer client asks for `unge lager migrer`.
    public enum PostgresSchema {
        /// The schema version this client knows.
        public static var currentVersion: Int { migrations.count }

        /// Migration n (1-based) is `migrations[n - 1]`. Never change a released migration: add one.
        static let migrations: [String] = [
            migration1, migrationFlyt, migrationStatistics, migrationBeskeder, migrationSletning,
            migrationOverdrag, migrationKaede, migrationStatistikTal, migrationOversigtHurtig, migrationMaaIndeks,
            migrationUdvalgHurtig, migrationAnkre, migrationFlytStatistik,
        ]

        /// Applies every migration the database lacks, as the connecting role (a database owner that
        /// may create roles). Returns the versions before and after.
        public static func migrate(uri: String) throws -> (from: Int, to: Int) {
            let display = StoreLocation.redacted(uri)
            let db = try PGConnection(uri: uri, display: display)
            var attempt = 0
            while true {
                attempt += 1
                do {
                    return try migrateOnce(db, display: display)
                } catch let e as PGError {
                    _ = try? db.execute("ROLLBACK")
                    if e.sqlState == "42501" {
                        throw StoreError.database(
                            reason:
                                "rollen har ikke ret til at oprette skemaet og rollerne (\(e.message)); kør som databasens ejer, fx postgres"
                        )
                    }
                    // Another `unge lager init` or `migrer` ran at the same moment: on this database (the
                    // schema or a migration is there now) or elsewhere in the cluster (the group roles
                    // are cluster-wide, and two CREATE ROLE or GRANT at once collide in the role
                    // catalogue). Each migration is one transaction, so start again from what is there.
                    if Self.concurrentStates.contains(e.sqlState) && attempt < 8 {
                        usleep(UInt32.random(in: 50_000...250_000))
                        continue
                    }
                    throw StoreError.database(reason: e.message)
                }
            }
        }

        /// The SQLSTATEs of a concurrent migration: unique violation (the role catalogue), duplicate
        /// schema or object, serialization failure, deadlock, and "tuple concurrently updated".
        static let concurrentStates: Set<String> = [
            "23505", "42P06", "42710", "42723", "42P07", "40001", "40P01", "XX000",
        ]

        static func migrateOnce(_ db: PGConnection, display: String) throws -> (from: Int, to: Int) {
            let exists = try db.query("SELECT to_regnamespace('unge') IS NOT NULL", []).first?.first == "t"
            var version = 0
            if exists {
                version = Int((try db.query("SELECT version FROM unge.skema", []).first?.first ?? nil) ?? "0") ?? 0
            }
            let from = version
            if version > currentVersion {
                throw StoreError.databaseSchema(location: display, found: version, known: currentVersion)
            }
            while version < currentVersion {
                let next = version + 1
                // The version row is locked first, so two migrations of one database run one after the other.
                let check =
                    next == 1
                    ? ""
                    : "SELECT version FROM unge.skema FOR UPDATE;\nDO $v$ BEGIN IF (SELECT version FROM unge.skema) <> \(next - 1) THEN "
                        + "RAISE EXCEPTION 'skemaet er allerede opgraderet' USING ERRCODE = '40001'; END IF; END $v$;\n"
                try db.execute(
                    "BEGIN;\n" + check
                        + migrations[next - 1] + "\nRESET ROLE;\nUPDATE unge.skema SET version = \(next);\nCOMMIT;")
                version = next
            }
            return (from, version)
        }

        /// Moving a store in and out (administrators only), administrators' audited reads, listings
        /// found in a case's audit trail by their expanded ids.
        static let migrationFlyt = #"""
            SET LOCAL ROLE unge_ejer;
            -- An administrator may read a case that is not restricted: through the same functions as everyone,
            -- each of which writes its audit row (hent, oversigt, alle). Never write.
            CREATE OR REPLACE FUNCTION unge.maa(p_sag text, p_hvem name, p_skrive bool) RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT coalesce((
                    SELECT CASE
                        WHEN r.beskyttet THEN EXISTS (SELECT 1 FROM unge.navngivne n WHERE n.sag = r.id AND n.rolle = p_hvem)
                        ELSE (pg_has_role(p_hvem, 'unge_sagsbehandler', 'MEMBER') AND (
                                r.sagsbehandler = p_hvem
                                OR EXISTS (SELECT 1 FROM unge.stedfortraedere d
                                           WHERE d.stedfortraeder = p_hvem AND d.for_rolle = r.sagsbehandler AND d.til >= current_date)
                                OR ((SELECT adgang FROM unge.indstillinger WHERE id = 1) = 'team'
                                    AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold))))
                            OR (NOT p_skrive AND pg_has_role(p_hvem, 'unge_teamleder', 'MEMBER')
                                AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold AND m.leder))
                            OR (NOT p_skrive AND pg_has_role(p_hvem, 'unge_admin', 'MEMBER'))
                    END
                    FROM unge.sagsregister r WHERE r.id = p_sag), false)
            $$;

            -- True while an administrator's move function runs (a transaction-local setting the move functions
            -- set themselves): the cases and drafts of everyone, restricted ones included, may then be read
            -- and put in. Every move function writes its own audit row.
            CREATE FUNCTION unge.flytter() RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT coalesce(current_setting('unge.flytning', true), '') IN ('ind', 'ud')
                    AND pg_has_role(session_user, 'unge_admin', 'MEMBER')
            $$;
            CREATE POLICY flytte_laese ON unge.sager FOR SELECT TO unge_ejer USING (unge.flytter());
            CREATE POLICY flytte_oprette ON unge.sager FOR INSERT TO unge_ejer WITH CHECK (unge.flytter());
            CREATE POLICY flytte ON unge.kladder TO unge_ejer USING (unge.flytter()) WITH CHECK (unge.flytter());

            -- A listing's audit row holds the ids it showed, ranges expanded: a case's trail finds it by index.
            CREATE OR REPLACE FUNCTION unge.loghaendelser(p_sag text, p_kommando text) RETURNS TABLE (status text, haendelse jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF p_sag IS NOT NULL THEN
                    IF NOT unge.maa(p_sag, session_user, false) THEN
                        PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_kommando));
                        RETURN QUERY SELECT 'adgang'::text, NULL::jsonb; RETURN;
                    END IF;
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE (l.sag = p_sag OR l.viste @> ARRAY[p_sag]) AND (l.kilde = 'unge' OR l.program <> 'unge')
                        ORDER BY l.nr;
                ELSIF pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE l.kilde = 'unge' OR l.program <> 'unge' ORDER BY l.nr;
                ELSE
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE l.rolle = session_user AND (l.kilde = 'unge' OR l.program <> 'unge') ORDER BY l.nr;
                END IF;
            END $$;

            CREATE FUNCTION unge.er_admin() RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT pg_has_role(session_user, 'unge_admin', 'MEMBER')
            $$;

            -- Moving a file store in: one case as it is (its id, revision and history), in a named team with a
            -- named caseworker. 'ok', 'samme' (already there with the same content: a restarted move), 'findes'
            -- (another case has the id) or 'adgang'. The database's own audit row records the move of the case.
            CREATE FUNCTION unge.flyt_ind_sag(p_sag text, p_revision int, p_doc jsonb, p_resume jsonb, p_opslag jsonb,
                                              p_hold text, p_sagsbehandler text, p_beskyttet bool, p_navngivne text[])
            RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_doc jsonb;
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'lager flyt'));
                    RETURN 'adgang';
                END IF;
                PERFORM set_config('unge.flytning', 'ind', true);
                IF EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag) THEN
                    SELECT s.doc INTO v_doc FROM unge.sager s WHERE s.id = p_sag;
                    PERFORM set_config('unge.flytning', '', true);
                    RETURN CASE WHEN v_doc = p_doc THEN 'samme' ELSE 'findes' END;
                END IF;
                INSERT INTO unge.hold VALUES (p_hold) ON CONFLICT DO NOTHING;
                INSERT INTO unge.sagsregister VALUES (p_sag, p_hold, p_sagsbehandler, coalesce(p_beskyttet, false),
                    unge.noegle(p_opslag->>'cpr'), unge.noegle(p_opslag->>'navn'));
                INSERT INTO unge.navngivne SELECT p_sag, unnest(coalesce(p_navngivne, '{}'))
                    WHERE coalesce(p_beskyttet, false) ON CONFLICT DO NOTHING;
                INSERT INTO unge.sager (id, revision, doc, resume, naeste_frist)
                    VALUES (p_sag, p_revision, p_doc, p_resume, (p_resume->>'nextDeadline')::date);
                PERFORM unge.skriv_log('database', p_sag, NULL,
                    jsonb_set(unge.haendelse('create', p_sag, 'lager flyt'), '{revisionAfter}', to_jsonb(p_revision)));
                PERFORM set_config('unge.flytning', '', true);
                RETURN 'ok';
            END $$;

            -- Moving a file store's audit events in, as they were written (user, time and all), in the order
            -- given. p_haendelser: [{"h": event, "v": [ids a listing showed, ranges expanded] or null}].
            CREATE FUNCTION unge.flyt_ind_log(p_haendelser jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', NULL, NULL, unge.haendelse('refused', NULL, 'lager flyt'));
                    RETURN 'adgang';
                END IF;
                INSERT INTO unge.log (kilde, sag, viste, haendelse)
                    SELECT 'unge', e.value->'h'->>'caseID',
                        CASE WHEN jsonb_typeof(e.value->'v') = 'array'
                            THEN ARRAY(SELECT jsonb_array_elements_text(e.value->'v')) END,
                        e.value->'h'
                    FROM jsonb_array_elements(p_haendelser) WITH ORDINALITY e ORDER BY e.ordinality;
                RETURN 'ok';
            END $$;

            CREATE FUNCTION unge.flyt_ind_kladde(p_ejer text, p_kommando text, p_sag text, p_doc jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN RETURN 'adgang'; END IF;
                PERFORM set_config('unge.flytning', 'ind', true);
                INSERT INTO unge.kladder VALUES (p_ejer, p_kommando, p_sag, p_doc)
                    ON CONFLICT (ejer, kommando, sag) DO UPDATE SET doc = excluded.doc;
                PERFORM unge.skriv_log('database', nullif(p_sag, 'ny'), NULL, unge.haendelse('draftSaved', nullif(p_sag, 'ny'), 'lager flyt'));
                PERFORM set_config('unge.flytning', '', true);
                RETURN 'ok';
            END $$;

            -- Moving the team store out to a file store: every case with its team, caseworker and named users,
            -- restricted ones included. The database's own audit row names every case taken out.
            CREATE FUNCTION unge.flyt_ud(p_kommando text)
            RETURNS TABLE (id text, revision int, doc jsonb, hold text, sagsbehandler text, beskyttet bool, navngivne text[])
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[];
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', NULL, NULL, unge.haendelse('refused', NULL, p_kommando));
                    RETURN;
                END IF;
                PERFORM set_config('unge.flytning', 'ud', true);
                SELECT array_agg(r.id ORDER BY r.id) INTO ids FROM unge.sagsregister r;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('export', NULL, p_kommando));
                RETURN QUERY SELECT s.id, s.revision, s.doc, r.hold, r.sagsbehandler::text, r.beskyttet,
                        (SELECT array_agg(n.rolle::text ORDER BY n.rolle) FROM unge.navngivne n WHERE n.sag = s.id)
                    FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id ORDER BY s.id;
                PERFORM set_config('unge.flytning', '', true);
            END $$;

            -- The whole audit log as unge shows it (each event with the ids a listing showed), oldest first.
            CREATE FUNCTION unge.flyt_ud_log() RETURNS TABLE (haendelse jsonb, viste text[])
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN RETURN; END IF;
                RETURN QUERY SELECT l.haendelse, l.viste FROM unge.log l
                    WHERE l.kilde = 'unge' OR l.program <> 'unge' ORDER BY l.nr;
            END $$;

            CREATE FUNCTION unge.flyt_ud_kladder() RETURNS TABLE (ejer text, doc jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN RETURN; END IF;
                PERFORM set_config('unge.flytning', 'ud', true);
                RETURN QUERY SELECT k.ejer::text, k.doc FROM unge.kladder k ORDER BY k.ejer, k.kommando, k.sag;
                PERFORM set_config('unge.flytning', '', true);
            END $$;

            GRANT EXECUTE ON FUNCTION unge.er_admin() TO unge_sagsbehandler, unge_teamleder, unge_admin;
            GRANT EXECUTE ON FUNCTION unge.flyt_ind_sag(text, int, jsonb, jsonb, jsonb, text, text, bool, text[]),
                unge.flyt_ind_log(jsonb), unge.flyt_ind_kladde(text, text, text, jsonb), unge.flyt_ud(text),
                unge.flyt_ud_log(), unge.flyt_ud_kladder()
                TO unge_admin;
            """#

        /// Messages to the named users of a restricted case when someone's lookup matched it, and the
        /// listings of one's own cases and of one team's cases.
        static let migrationBeskeder = #"""
            SET LOCAL ROLE unge_ejer;
            -- A message to a user: someone's municipality-wide lookup matched a restricted case the user is named
            -- on. The recipient reads it once (it is marked read); nobody else sees it.
            CREATE TABLE unge.beskeder (
                nr bigserial PRIMARY KEY, modtager name NOT NULL, tid timestamptz NOT NULL DEFAULT clock_timestamp(),
                sag text NOT NULL, afsender name NOT NULL, hvordan text NOT NULL, laest timestamptz);
            CREATE INDEX ON unge.beskeder (modtager) WHERE laest IS NULL;
            ALTER TABLE unge.beskeder ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.beskeder FORCE ROW LEVEL SECURITY;
            CREATE POLICY modtager ON unge.beskeder FOR SELECT TO unge_ejer USING (modtager = session_user);
            CREATE POLICY laest ON unge.beskeder FOR UPDATE TO unge_ejer USING (modtager = session_user)
                WITH CHECK (modtager = session_user);
            CREATE POLICY afsender ON unge.beskeder FOR INSERT TO unge_ejer WITH CHECK (afsender = session_user);

            CREATE OR REPLACE FUNCTION unge.find(p_cpr text, p_navn text)
            RETURNS TABLE (id text, hold text, sagsbehandler text, beskyttet bool, kan_aabne bool, kontakt text[])
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_cpr text := unge.noegle(p_cpr); v_navn text := unge.noegle(p_navn); ids text[];
            BEGIN
                IF NOT (pg_has_role(session_user, 'unge_sagsbehandler', 'MEMBER') OR pg_has_role(session_user, 'unge_teamleder', 'MEMBER')) THEN
                    RETURN;
                END IF;
                SELECT array_agg(r.id ORDER BY r.id) INTO ids FROM unge.sagsregister r
                    WHERE (v_cpr IS NOT NULL AND r.cpr_noegle = v_cpr) OR (v_navn IS NOT NULL AND r.navn_noegle = v_navn);
                PERFORM unge.skriv_log('unge', NULL, ids,
                    jsonb_set(unge.haendelse('search', NULL, 'find'), '{criterion}', to_jsonb('noegle:' || coalesce(v_cpr, v_navn))));
                -- The named users of a matching restricted case the searcher cannot open are told who searched.
                INSERT INTO unge.beskeder (modtager, sag, afsender, hvordan)
                    SELECT n.rolle, r.id, session_user, CASE WHEN v_cpr IS NOT NULL THEN 'cpr' ELSE 'navn' END
                    FROM unge.sagsregister r JOIN unge.navngivne n ON n.sag = r.id
                    WHERE r.id = ANY (coalesce(ids, '{}')) AND r.beskyttet AND n.rolle <> session_user
                        AND NOT unge.maa(r.id, session_user, false);
                RETURN QUERY SELECT r.id,
                    CASE WHEN r.beskyttet THEN NULL ELSE r.hold END,
                    CASE WHEN r.beskyttet THEN NULL ELSE r.sagsbehandler::text END,
                    r.beskyttet, unge.maa(r.id, session_user, false),
                    CASE WHEN r.beskyttet THEN (SELECT array_agg(n.rolle::text ORDER BY n.rolle) FROM unge.navngivne n WHERE n.sag = r.id) END
                    FROM unge.sagsregister r WHERE r.id = ANY (coalesce(ids, '{}')) ORDER BY r.id;
            END $$;

            -- The unread messages of the session's role, oldest first; marked read as they are returned.
            CREATE FUNCTION unge.mine_beskeder() RETURNS TABLE (tid text, sag text, afsender text, hvordan text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                RETURN QUERY WITH l AS (
                    UPDATE unge.beskeder b SET laest = clock_timestamp() WHERE b.modtager = session_user AND b.laest IS NULL
                    RETURNING b.nr, b.tid, b.sag, b.afsender, b.hvordan)
                SELECT to_char(l.tid AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), l.sag, l.afsender::text, l.hvordan
                    FROM l ORDER BY l.nr;
            END $$;

            CREATE FUNCTION unge.hold_findes(p_hold text) RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT EXISTS (SELECT 1 FROM unge.hold WHERE navn = p_hold)
            $$;

            -- The summaries of the cases this role may read whose caseworker is the role (p_mine) or that belong
            -- to team p_hold; audited with the ids shown, as unge.oversigt.
            CREATE FUNCTION unge.oversigt_udvalg(p_kommando text, p_mine bool, p_hold text)
            RETURNS TABLE (id text, revision int, resume jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[];
            BEGIN
                RETURN QUERY SELECT s.id, s.revision, s.resume FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                    WHERE (NOT coalesce(p_mine, false) OR r.sagsbehandler = session_user)
                        AND (p_hold IS NULL OR r.hold = p_hold)
                    ORDER BY s.id;
                SELECT array_agg(s.id ORDER BY s.id) INTO ids FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                    WHERE (NOT coalesce(p_mine, false) OR r.sagsbehandler = session_user)
                        AND (p_hold IS NULL OR r.hold = p_hold);
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
            END $$;

            GRANT EXECUTE ON FUNCTION unge.mine_beskeder(), unge.hold_findes(text), unge.oversigt_udvalg(text, bool, text)
                TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// Deleting a case under the retention rules: the only path that may touch the audit log beyond
        /// appending, and then only to remove the personal part of the deleted case's own rows.
        static let migrationSletning = #"""
            SET LOCAL ROLE unge_ejer;
            -- The audit log stays append-only, with one exception: while unge.slet_sag runs for case X (a
            -- transaction-local setting only that function sets), a row of X may lose its personal payload
            -- (user, account, command, criterion, shown) and be marked erased; nothing else may change.
            CREATE OR REPLACE FUNCTION unge.log_kun_tilfoej() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE v_sag text := nullif(current_setting('unge.sletning', true), '');
            BEGIN
                IF TG_OP = 'UPDATE' AND v_sag IS NOT NULL AND OLD.sag = v_sag
                    AND NEW.nr = OLD.nr AND NEW.tid = OLD.tid AND NEW.rolle = OLD.rolle AND NEW.kilde = OLD.kilde
                    AND NEW.program = OLD.program AND NEW.sag IS NOT DISTINCT FROM OLD.sag
                    AND NEW.viste IS NOT DISTINCT FROM OLD.viste
                    AND NEW.haendelse = (OLD.haendelse - ARRAY['user', 'account', 'command', 'criterion', 'shown'])
                                        || '{"erased": true}'::jsonb THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'revisionssporet kan kun udvides' USING ERRCODE = '42501';
            END $$;
            CREATE POLICY slette ON unge.log FOR UPDATE TO unge_ejer
                USING (sag = nullif(current_setting('unge.sletning', true), ''))
                WITH CHECK (sag = nullif(current_setting('unge.sletning', true), ''));

            -- Deletes case p_sag (its document, register row, named users, drafts and messages) and removes the
            -- personal payload of its earlier audit rows; appends p_gravsten (the tombstone: action 'delete',
            -- no name, CPR number or text) once. Allowed to a role that may write the case, and to an
            -- administrator. Idempotent: run again, it finds the case gone and the tombstone there.
            -- 'ok', or 'adgang' (refused; audited).
            CREATE FUNCTION unge.slet_sag(p_sag text, p_gravsten jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag)
                    AND NOT (unge.maa(p_sag, session_user, true) OR pg_has_role(session_user, 'unge_admin', 'MEMBER')) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'slet'));
                    RETURN 'adgang';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag)
                    AND NOT pg_has_role(session_user, 'unge_admin', 'MEMBER')
                    AND NOT EXISTS (SELECT 1 FROM unge.log l WHERE l.sag = p_sag AND l.rolle = session_user) THEN
                    RETURN 'adgang';
                END IF;
                PERFORM set_config('unge.sletning', p_sag, true);
                -- (an administrator sees a restricted case's row only while this setting is on)
                PERFORM set_config('unge.flytning', 'ind', true);
                DELETE FROM unge.sager WHERE id = p_sag;
                PERFORM set_config('unge.flytning', '', true);
                DELETE FROM unge.kladder WHERE sag = p_sag;
                DELETE FROM unge.beskeder WHERE sag = p_sag;
                DELETE FROM unge.navngivne WHERE sag = p_sag;
                DELETE FROM unge.sagsregister WHERE id = p_sag;
                UPDATE unge.log l
                    SET haendelse = (l.haendelse - ARRAY['user', 'account', 'command', 'criterion', 'shown']) || '{"erased": true}'::jsonb
                    WHERE l.sag = p_sag AND NOT coalesce((l.haendelse->>'erased')::bool, false)
                        AND l.haendelse->>'action' <> 'delete';
                PERFORM set_config('unge.sletning', '', true);
                IF NOT EXISTS (SELECT 1 FROM unge.log l WHERE l.sag = p_sag AND l.haendelse->>'action' = 'delete' AND l.kilde = 'unge') THEN
                    PERFORM unge.skriv_log('unge', p_sag, NULL, p_gravsten);
                END IF;
                RETURN 'ok';
            END $$;
            -- Deleting rows of the case and its drafts: only inside unge.slet_sag (the settings it sets).
            CREATE POLICY slette ON unge.sager FOR DELETE TO unge_ejer USING (nullif(current_setting('unge.sletning', true), '') = id);
            CREATE POLICY slette ON unge.kladder FOR DELETE TO unge_ejer USING (nullif(current_setting('unge.sletning', true), '') = sag);
            CREATE POLICY slette_laese ON unge.kladder FOR SELECT TO unge_ejer USING (nullif(current_setting('unge.sletning', true), '') = sag);
            CREATE POLICY slette ON unge.beskeder FOR DELETE TO unge_ejer USING (nullif(current_setting('unge.sletning', true), '') = sag);
            CREATE POLICY slette_laese ON unge.beskeder FOR SELECT TO unge_ejer USING (nullif(current_setting('unge.sletning', true), '') = sag);

            GRANT EXECUTE ON FUNCTION unge.slet_sag(text, jsonb) TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// A handover in one step: the document (new caseworker, the journal's entry) and the register
        /// change together, by whoever may hand the case over: its caseworker (or deputy), the leader of
        /// its team, or an administrator. A leader may not otherwise write a colleague's case, so the
        /// plain `unge.gem` would refuse the leader's half of the handover.
        static let migrationOverdrag = #"""
            SET LOCAL ROLE unge_ejer;
            CREATE FUNCTION unge.overdrag_gem(p_sag text, p_forventet int, p_doc jsonb, p_resume jsonb, p_opslag jsonb,
                                              p_haendelse jsonb, p_til text, p_overdrag jsonb)
            RETURNS TABLE (status text, revision int)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_rev int; v_hold text;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag) THEN
                    RETURN QUERY SELECT 'ingen'::text, NULL::int; RETURN;
                END IF;
                IF NOT (unge.maa(p_sag, session_user, true) OR pg_has_role(session_user, 'unge_admin', 'MEMBER') OR EXISTS (
                        SELECT 1 FROM unge.sagsregister r JOIN unge.medlemmer l ON l.hold = r.hold
                        WHERE r.id = p_sag AND l.rolle = session_user AND l.leder)) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_haendelse->>'command'));
                    RETURN QUERY SELECT 'adgang'::text, NULL::int; RETURN;
                END IF;
                SELECT m.hold INTO v_hold FROM unge.medlemmer m WHERE m.rolle = p_til;
                IF v_hold IS NULL THEN RETURN QUERY SELECT 'hold'::text, NULL::int; RETURN; END IF;
                UPDATE unge.sager s SET revision = p_forventet + 1, doc = p_doc, resume = p_resume,
                    naeste_frist = (p_resume->>'nextDeadline')::date, opdateret = now()
                    WHERE s.id = p_sag AND s.revision = p_forventet RETURNING s.revision INTO v_rev;
                IF v_rev IS NULL THEN
                    RETURN QUERY SELECT 'konflikt'::text, (SELECT s.revision FROM unge.sager s WHERE s.id = p_sag); RETURN;
                END IF;
                UPDATE unge.sagsregister r SET cpr_noegle = unge.noegle(p_opslag->>'cpr'), navn_noegle = unge.noegle(p_opslag->>'navn'),
                    sagsbehandler = p_til, hold = v_hold WHERE r.id = p_sag;
                PERFORM unge.skriv_log('unge', p_sag, NULL, p_haendelse);
                PERFORM unge.skriv_log('unge', p_sag, NULL, p_overdrag);
                RETURN QUERY SELECT 'ok'::text, v_rev;
            END $$;
            REVOKE ALL ON FUNCTION unge.overdrag_gem(text, int, jsonb, jsonb, jsonb, jsonb, text, jsonb) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION unge.overdrag_gem(text, int, jsonb, jsonb, jsonb, jsonb, text, jsonb)
                TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// The audit log's hash chains in the audit table (issue 22, point 5): the same chains, digests
        /// and salted payload hashes as the file store (`AuditChain`), filled in by a trigger on every
        /// row unge shows (`kilde = 'unge'`, or any program but unge), so every path that appends
        /// (functions, moves, deletions) is chained; one lock per chain, so writers to different cases
        /// never wait for one another. `unge log --kontroller` checks them like a folder's; rows from
        /// before this migration stay outside the chains (reported as such, not as breaks).
        static let migrationKaede = #"""
            SET LOCAL ROLE unge_ejer;
            ALTER TABLE unge.log ADD COLUMN kaede text, ADD COLUMN loebenr bigint;
            CREATE UNIQUE INDEX log_kaede ON unge.log (kaede, loebenr) WHERE kaede IS NOT NULL;

            -- 'name=-' for an absent value, 'name=+<bytes>:<value>' otherwise (AuditChain.field).
            CREATE FUNCTION unge.kaede_felt(p_navn text, p_vaerdi text) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
                SELECT p_navn || '=' || CASE WHEN p_vaerdi IS NULL THEN '-'
                    ELSE '+' || octet_length(convert_to(p_vaerdi, 'UTF8'))::text || ':' || p_vaerdi END || E'\n'
            $$;
            -- AuditChain.payloadBytes: the personal part an erasure removes.
            CREATE FUNCTION unge.kaede_nyttelast(h jsonb) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, unge AS $$
                SELECT E'unge-nyttelast/1\n' || unge.kaede_felt('user', coalesce(h->>'user', ''))
                    || unge.kaede_felt('account', h->>'account') || unge.kaede_felt('command', coalesce(h->>'command', ''))
                    || unge.kaede_felt('criterion', h->>'criterion')
                    || unge.kaede_felt('shown', CASE WHEN jsonb_typeof(h->'shown') = 'array' THEN encode(sha256(convert_to(
                        array_to_string(ARRAY(SELECT jsonb_array_elements_text(h->'shown')), ','), 'UTF8')), 'hex') END)
            $$;
            -- AuditChain.headerBytes: what an event's digest is the SHA-256 of.
            CREATE FUNCTION unge.kaede_hoved(h jsonb) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, unge AS $$
                SELECT E'unge-revisionsspor/2\n' || unge.kaede_felt('chain', h->>'chain') || unge.kaede_felt('seq', h->>'seq')
                    || unge.kaede_felt('prev', h->>'prev') || unge.kaede_felt('schemaVersion', coalesce(h->>'schemaVersion', '1'))
                    || unge.kaede_felt('time', h->>'time') || unge.kaede_felt('action', h->>'action')
                    || unge.kaede_felt('caseID', h->>'caseID') || unge.kaede_felt('revisionBefore', h->>'revisionBefore')
                    || unge.kaede_felt('revisionAfter', h->>'revisionAfter') || unge.kaede_felt('payloadHash', h->>'payloadHash')
                    || unge.kaede_felt('anchors', CASE WHEN jsonb_typeof(h->'anchors') = 'array' THEN
                        array_to_string(ARRAY(SELECT jsonb_array_elements_text(h->'anchors')), ';') END)
                    || unge.kaede_felt('erasedThrough', h->>'erasedThrough')
            $$;

            CREATE FUNCTION unge.log_kaede() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE h jsonb := NEW.haendelse; k text; n bigint; forrige text; salt text; ph text;
            BEGIN
                IF NOT (NEW.kilde = 'unge' OR NEW.program <> 'unge') THEN RETURN NEW; END IF;
                k := coalesce(h->>'caseID', 'alle');
                PERFORM pg_advisory_xact_lock(hashtext('unge.log:' || k));
                SELECT l.loebenr, l.haendelse->>'digest' INTO n, forrige FROM unge.log l
                    WHERE l.kaede = k ORDER BY l.loebenr DESC LIMIT 1;
                n := coalesce(n, 0) + 1;
                forrige := coalesce(forrige, repeat('0', 64));
                -- A moved event's chain fields belong to its source: it is chained anew here.
                h := h - ARRAY['chain', 'seq', 'prev', 'payloadHash', 'salt', 'digest', 'erasedThrough', 'anchors'];
                h := jsonb_set(h, '{time}', to_jsonb(to_char(
                    date_trunc('second', (h->>'time')::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
                -- A tombstone covers the events of its chain before it (a case's, or in 'alle' the listings
                -- whose search terms a deletion removed).
                IF h->>'action' = 'delete' THEN h := h || jsonb_build_object('erasedThrough', n - 1); END IF;
                salt := replace(gen_random_uuid()::text, '-', '');
                ph := encode(sha256(convert_to(salt || unge.kaede_nyttelast(h), 'UTF8')), 'hex');
                h := h || jsonb_build_object('chain', k, 'seq', n, 'prev', forrige, 'payloadHash', ph);
                IF NOT coalesce((h->>'erased')::bool, false) THEN h := h || jsonb_build_object('salt', salt); END IF;
                NEW.haendelse := h || jsonb_build_object('digest', encode(sha256(convert_to(unge.kaede_hoved(h), 'UTF8')), 'hex'));
                NEW.kaede := k;
                NEW.loebenr := n;
                RETURN NEW;
            END $$;
            CREATE TRIGGER log_kaede BEFORE INSERT ON unge.log FOR EACH ROW EXECUTE FUNCTION unge.log_kaede();

            -- An erasure removes the payload and the salt (user and command become empty, as in the file
            -- store) and keeps payloadHash and digest: the chain still verifies.
            CREATE OR REPLACE FUNCTION unge.log_kun_tilfoej() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE v_sag text := nullif(current_setting('unge.sletning', true), '');
            BEGIN
                IF TG_OP = 'UPDATE' AND v_sag IS NOT NULL AND (OLD.sag = v_sag OR (OLD.sag IS NULL AND v_sag = ANY (OLD.viste)))
                    AND NEW.nr = OLD.nr AND NEW.tid = OLD.tid AND NEW.rolle = OLD.rolle AND NEW.kilde = OLD.kilde
                    AND NEW.program = OLD.program AND NEW.sag IS NOT DISTINCT FROM OLD.sag
                    AND NEW.viste IS NOT DISTINCT FROM OLD.viste
                    AND NEW.kaede IS NOT DISTINCT FROM OLD.kaede AND NEW.loebenr IS NOT DISTINCT FROM OLD.loebenr
                    AND NEW.haendelse = (OLD.haendelse - ARRAY['user', 'account', 'command', 'criterion', 'shown', 'salt'])
                                        || '{"erased": true, "user": "", "command": ""}'::jsonb THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'revisionssporet kan kun udvides' USING ERRCODE = '42501';
            END $$;

            DROP POLICY slette ON unge.log;
            CREATE POLICY slette ON unge.log FOR UPDATE TO unge_ejer
                USING (sag = nullif(current_setting('unge.sletning', true), '')
                    OR (sag IS NULL AND nullif(current_setting('unge.sletning', true), '') = ANY (viste)))
                WITH CHECK (sag = nullif(current_setting('unge.sletning', true), '')
                    OR (sag IS NULL AND nullif(current_setting('unge.sletning', true), '') = ANY (viste)));

            CREATE OR REPLACE FUNCTION unge.slet_sag(p_sag text, p_gravsten jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE rad record; andre text[]; fjernet bool := false;
            BEGIN
                IF EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag)
                    AND NOT (unge.maa(p_sag, session_user, true) OR pg_has_role(session_user, 'unge_admin', 'MEMBER')) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'slet'));
                    RETURN 'adgang';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag)
                    AND NOT pg_has_role(session_user, 'unge_admin', 'MEMBER')
                    AND NOT EXISTS (SELECT 1 FROM unge.log l WHERE l.sag = p_sag AND l.rolle = session_user) THEN
                    RETURN 'adgang';
                END IF;
                PERFORM set_config('unge.sletning', p_sag, true);
                PERFORM set_config('unge.flytning', 'ind', true);
                DELETE FROM unge.sager WHERE id = p_sag;
                PERFORM set_config('unge.flytning', '', true);
                DELETE FROM unge.kladder WHERE sag = p_sag;
                DELETE FROM unge.beskeder WHERE sag = p_sag;
                DELETE FROM unge.navngivne WHERE sag = p_sag;
                DELETE FROM unge.sagsregister WHERE id = p_sag;
                UPDATE unge.log l
                    SET haendelse = (l.haendelse - ARRAY['user', 'account', 'command', 'criterion', 'shown', 'salt'])
                        || '{"erased": true, "user": "", "command": ""}'::jsonb
                    WHERE l.sag = p_sag AND NOT coalesce((l.haendelse->>'erased')::bool, false)
                        AND l.haendelse->>'action' <> 'delete';
                -- Listings that showed the case after a typed search (names, birth dates): what they told
                -- about the other cases is written again without the term and the deleted case, then the
                -- original loses its payload, covered by a 'delete' event in the 'alle' chain.
                FOR rad IN SELECT l.nr, l.viste, l.haendelse FROM unge.log l
                    WHERE l.sag IS NULL AND p_sag = ANY (l.viste) AND l.haendelse->>'criterion' LIKE '%søg=%'
                        AND NOT coalesce((l.haendelse->>'erased')::bool, false) ORDER BY l.nr LOOP
                    andre := array_remove(rad.viste, p_sag);
                    IF coalesce(array_length(andre, 1), 0) > 0 THEN
                        INSERT INTO unge.log (kilde, sag, viste, haendelse) VALUES ('unge', NULL, andre,
                            (rad.haendelse - ARRAY['shown', 'criterion']) || jsonb_build_object(
                                'shown', to_jsonb(andre), 'criterion',
                                substring(rad.haendelse->>'criterion' FROM 1 FOR position('søg=' IN rad.haendelse->>'criterion') - 1)
                                    || 'søg=(fjernet ved sletning af en sag)'));
                    END IF;
                    UPDATE unge.log l
                        SET haendelse = (l.haendelse - ARRAY['user', 'account', 'command', 'criterion', 'shown', 'salt'])
                            || '{"erased": true, "user": "", "command": ""}'::jsonb
                        WHERE l.nr = rad.nr;
                    fjernet := true;
                END LOOP;
                PERFORM set_config('unge.sletning', '', true);
                IF fjernet THEN
                    PERFORM unge.skriv_log('unge', NULL, NULL, jsonb_build_object('schemaVersion', 1,
                        'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        'action', 'delete', 'command', coalesce(p_gravsten->>'command', 'slet'),
                        'criterion', 'søgeord i oversigter, der viste en slettet sag, er fjernet'));
                END IF;
                IF NOT EXISTS (SELECT 1 FROM unge.log l WHERE l.sag = p_sag AND l.haendelse->>'action' = 'delete' AND l.kilde = 'unge') THEN
                    PERFORM unge.skriv_log('unge', p_sag, NULL, p_gravsten);
                END IF;
                RETURN 'ok';
            END $$;
            """#

        static let migration1 = #"""
            -- unge team store, migration 1: roles, tables, row-level security and the functions that are the
            -- only way in. Run by a role that may create roles and schemas (the database owner or postgres).
            DO $roles$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'unge_ejer') THEN CREATE ROLE unge_ejer NOLOGIN; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'unge_sagsbehandler') THEN CREATE ROLE unge_sagsbehandler NOLOGIN; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'unge_teamleder') THEN CREATE ROLE unge_teamleder NOLOGIN; END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'unge_admin') THEN CREATE ROLE unge_admin NOLOGIN; END IF;
            END $roles$;
            CREATE SCHEMA unge AUTHORIZATION unge_ejer;
            REVOKE ALL ON SCHEMA unge FROM PUBLIC;
            GRANT USAGE ON SCHEMA unge TO unge_sagsbehandler, unge_teamleder, unge_admin;
            SET LOCAL ROLE unge_ejer;
            ALTER DEFAULT PRIVILEGES FOR ROLE unge_ejer REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

            CREATE TABLE unge.skema (version int NOT NULL);
            INSERT INTO unge.skema VALUES (0);
            CREATE TABLE unge.indstillinger (
                id int PRIMARY KEY CHECK (id = 1),
                doc jsonb NOT NULL DEFAULT '{"schemaVersion":1}',
                -- 'team': a caseworker reads and writes the team's cases; 'egen': only their own.
                adgang text NOT NULL DEFAULT 'team' CHECK (adgang IN ('team', 'egen')),
                -- The key of the keyed hash of lookup criteria (CPR number, name and birth date).
                noegle text NOT NULL DEFAULT md5(gen_random_uuid()::text || clock_timestamp()::text));
            INSERT INTO unge.indstillinger (id) VALUES (1);
            CREATE TABLE unge.hold (navn text PRIMARY KEY CHECK (navn <> ''));
            CREATE TABLE unge.medlemmer (
                rolle name PRIMARY KEY, hold text NOT NULL REFERENCES unge.hold, leder bool NOT NULL DEFAULT false);
            -- What every case is, without its content: the lookups and the access checks read only this.
            CREATE TABLE unge.sagsregister (
                id text PRIMARY KEY, hold text NOT NULL REFERENCES unge.hold, sagsbehandler name NOT NULL,
                beskyttet bool NOT NULL DEFAULT false, cpr_noegle text, navn_noegle text);
            CREATE TABLE unge.sager (
                id text PRIMARY KEY REFERENCES unge.sagsregister, revision int NOT NULL CHECK (revision > 0),
                doc jsonb NOT NULL, resume jsonb NOT NULL, naeste_frist date, opdateret timestamptz NOT NULL DEFAULT now());
            CREATE INDEX ON unge.sagsregister (sagsbehandler);
            CREATE INDEX ON unge.sagsregister (hold);
            CREATE INDEX ON unge.sagsregister (cpr_noegle);
            CREATE INDEX ON unge.sagsregister (navn_noegle);
            CREATE TABLE unge.navngivne (sag text REFERENCES unge.sagsregister, rolle name, PRIMARY KEY (sag, rolle));
            CREATE TABLE unge.stedfortraedere (
                stedfortraeder name, for_rolle name, til date NOT NULL, givet_af name NOT NULL,
                givet timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (stedfortraeder, for_rolle));
            CREATE TABLE unge.sagsnumre (aar int PRIMARY KEY, sidste int NOT NULL);
            CREATE TABLE unge.log (
                nr bigserial PRIMARY KEY, tid timestamptz NOT NULL DEFAULT clock_timestamp(),
                rolle name NOT NULL DEFAULT session_user, kilde text NOT NULL CHECK (kilde IN ('unge', 'database')),
                program text NOT NULL DEFAULT current_setting('application_name'),
                sag text, viste text[], haendelse jsonb NOT NULL);
            CREATE INDEX ON unge.log (sag);
            CREATE INDEX ON unge.log USING gin (viste);
            CREATE TABLE unge.kladder (
                ejer name NOT NULL, kommando text NOT NULL, sag text NOT NULL, doc jsonb NOT NULL,
                PRIMARY KEY (ejer, kommando, sag));

            -- The audit log is append-only, also for its owner: no UPDATE, DELETE or TRUNCATE.
            CREATE FUNCTION unge.log_kun_tilfoej() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'revisionssporet kan kun udvides' USING ERRCODE = '42501'; END $$;
            CREATE TRIGGER log_kun_tilfoej BEFORE UPDATE OR DELETE ON unge.log FOR EACH ROW EXECUTE FUNCTION unge.log_kun_tilfoej();
            CREATE TRIGGER log_ingen_truncate BEFORE TRUNCATE ON unge.log FOR EACH STATEMENT EXECUTE FUNCTION unge.log_kun_tilfoej();

            -- Who may read (or write) a case: the one rule, used by the functions and by row-level security.
            CREATE FUNCTION unge.maa(p_sag text, p_hvem name, p_skrive bool) RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT coalesce((
                    SELECT CASE
                        WHEN r.beskyttet THEN EXISTS (SELECT 1 FROM unge.navngivne n WHERE n.sag = r.id AND n.rolle = p_hvem)
                        ELSE (pg_has_role(p_hvem, 'unge_sagsbehandler', 'MEMBER') AND (
                                r.sagsbehandler = p_hvem
                                OR EXISTS (SELECT 1 FROM unge.stedfortraedere d
                                           WHERE d.stedfortraeder = p_hvem AND d.for_rolle = r.sagsbehandler AND d.til >= current_date)
                                OR ((SELECT adgang FROM unge.indstillinger WHERE id = 1) = 'team'
                                    AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold))))
                            OR (NOT p_skrive AND pg_has_role(p_hvem, 'unge_teamleder', 'MEMBER')
                                AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold AND m.leder))
                    END
                    FROM unge.sagsregister r WHERE r.id = p_sag), false)
            $$;

            ALTER TABLE unge.skema ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.skema FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.skema TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.indstillinger ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.indstillinger FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.indstillinger TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.hold ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.hold FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.hold TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.medlemmer ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.medlemmer FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.medlemmer TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.sagsregister ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.sagsregister FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.sagsregister TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.navngivne ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.navngivne FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.navngivne TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.stedfortraedere ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.stedfortraedere FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.stedfortraedere TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.sagsnumre ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.sagsnumre FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.sagsnumre TO unge_ejer USING (true) WITH CHECK (true);
            ALTER TABLE unge.kladder ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.kladder FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.kladder TO unge_ejer USING (ejer = session_user) WITH CHECK (ejer = session_user);
            -- The second wall: even inside the functions, a case row is seen and changed only as the session's
            -- role may (session_user is the login role; the functions run as unge_ejer).
            ALTER TABLE unge.sager ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.sager FORCE ROW LEVEL SECURITY;
            CREATE POLICY laese ON unge.sager FOR SELECT TO unge_ejer USING (unge.maa(id, session_user, false));
            CREATE POLICY skrive ON unge.sager FOR UPDATE TO unge_ejer
                USING (unge.maa(id, session_user, true)) WITH CHECK (unge.maa(id, session_user, true));
            CREATE POLICY oprette ON unge.sager FOR INSERT TO unge_ejer WITH CHECK (unge.maa(id, session_user, true));
            -- The audit log: appended and read by the functions, never changed.
            ALTER TABLE unge.log ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.log FORCE ROW LEVEL SECURITY;
            CREATE POLICY tilfoeje ON unge.log FOR INSERT TO unge_ejer WITH CHECK (rolle = session_user);
            CREATE POLICY laese ON unge.log FOR SELECT TO unge_ejer USING (true);

            -- One audit row. The user is always the session's role, whatever the client says.
            CREATE FUNCTION unge.skriv_log(p_kilde text, p_sag text, p_viste text[], p_haendelse jsonb) RETURNS void
            LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                INSERT INTO unge.log (kilde, sag, viste, haendelse)
                VALUES (p_kilde, p_sag, p_viste,
                        jsonb_set(coalesce(p_haendelse, '{}'::jsonb) - 'account', '{user}', to_jsonb(session_user::text)))
            $$;

            CREATE FUNCTION unge.haendelse(p_handling text, p_sag text, p_kommando text) RETURNS jsonb
            LANGUAGE sql VOLATILE AS $$
                SELECT jsonb_strip_nulls(jsonb_build_object('schemaVersion', 1,
                    'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                    'action', p_handling, 'caseID', p_sag, 'command', coalesce(p_kommando, 'database')))
            $$;

            CREATE FUNCTION unge.version() RETURNS int
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$ SELECT version FROM unge.skema $$;

            CREATE FUNCTION unge.mig() RETURNS TABLE (rolle text, hold text, leder bool, sagsbehandler bool, admin bool)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT session_user::text, m.hold, coalesce(m.leder, false),
                       pg_has_role(session_user, 'unge_sagsbehandler', 'MEMBER'), pg_has_role(session_user, 'unge_admin', 'MEMBER')
                FROM (SELECT 1) x LEFT JOIN unge.medlemmer m ON m.rolle = session_user
            $$;

            -- Reading one case: 'ok' with the document, 'ingen' (no such case) or 'adgang' (refused; audited).
            CREATE FUNCTION unge.hent(p_sag text, p_kommando text)
            RETURNS TABLE (status text, revision int, doc jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE r record;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM unge.sagsregister WHERE id = p_sag) THEN
                    RETURN QUERY SELECT 'ingen'::text, NULL::int, NULL::jsonb; RETURN;
                END IF;
                IF NOT unge.maa(p_sag, session_user, false) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_kommando));
                    RETURN QUERY SELECT 'adgang'::text, NULL::int, NULL::jsonb; RETURN;
                END IF;
                SELECT s.revision, s.doc INTO r FROM unge.sager s WHERE s.id = p_sag;
                PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('read', p_sag, p_kommando));
                RETURN QUERY SELECT 'ok'::text, r.revision, r.doc;
            END $$;

            CREATE FUNCTION unge.findes(p_sag text) RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT EXISTS (SELECT 1 FROM unge.sagsregister WHERE id = p_sag)
            $$;

            -- The ids of the cases this role may read (ids only: shell completion, demo).
            CREATE FUNCTION unge.sagsnumre_synlige() RETURNS SETOF text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT id FROM unge.sager ORDER BY id
            $$;

            -- The summaries of the cases this role may read; audited with the ids shown.
            CREATE FUNCTION unge.oversigt(p_kommando text, p_kun_mine bool)
            RETURNS TABLE (id text, revision int, resume jsonb, sagsbehandler text, hold text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[];
            BEGIN
                RETURN QUERY SELECT s.id, s.revision, s.resume, r.sagsbehandler::text, r.hold FROM unge.sager s
                    JOIN unge.sagsregister r ON r.id = s.id
                    WHERE NOT p_kun_mine OR r.sagsbehandler = session_user ORDER BY s.id;
                SELECT array_agg(s.id ORDER BY s.id) INTO ids FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                    WHERE NOT p_kun_mine OR r.sagsbehandler = session_user;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
            END $$;

            -- Every case document this role may read (searches in the content); audited.
            CREATE FUNCTION unge.alle(p_kommando text) RETURNS TABLE (id text, revision int, doc jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[];
            BEGIN
                RETURN QUERY SELECT s.id, s.revision, s.doc FROM unge.sager s ORDER BY s.id;
                SELECT array_agg(s.id ORDER BY s.id) INTO ids FROM unge.sager s;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
            END $$;

            CREATE FUNCTION unge.noegle(p_tekst text) RETURNS text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT CASE WHEN p_tekst IS NULL OR p_tekst = '' THEN NULL
                    ELSE encode(sha256(convert_to((SELECT noegle FROM unge.indstillinger WHERE id = 1) || '|' || p_tekst, 'UTF8')), 'hex') END
            $$;

            -- Creating a case: the next number of the year, the creator's team, the creator as caseworker.
            -- p_opslag: {"cpr": …, "navn": …} for the existence lookup (only their keyed hashes are kept).
            CREATE FUNCTION unge.opret(p_aar int, p_doc jsonb, p_resume jsonb, p_opslag jsonb, p_beskyttet bool,
                                       p_navngivne text[], p_haendelse jsonb)
            RETURNS TABLE (status text, id text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_hold text; v_nr int; v_id text;
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_sagsbehandler', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', NULL, NULL, unge.haendelse('refused', NULL, p_haendelse->>'command'));
                    RETURN QUERY SELECT 'adgang'::text, NULL::text; RETURN;
                END IF;
                SELECT m.hold INTO v_hold FROM unge.medlemmer m WHERE m.rolle = session_user;
                IF v_hold IS NULL THEN RETURN QUERY SELECT 'hold'::text, NULL::text; RETURN; END IF;
                INSERT INTO unge.sagsnumre AS n VALUES (p_aar, 1) ON CONFLICT (aar) DO UPDATE SET sidste = n.sidste + 1
                    RETURNING sidste INTO v_nr;
                LOOP
                    v_id := p_aar::text || '-' || lpad(v_nr::text, 4, '0');
                    EXIT WHEN NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = v_id);
                    UPDATE unge.sagsnumre SET sidste = sidste + 1 WHERE aar = p_aar RETURNING sidste INTO v_nr;
                END LOOP;
                INSERT INTO unge.sagsregister VALUES (v_id, v_hold, session_user, coalesce(p_beskyttet, false),
                    unge.noegle(p_opslag->>'cpr'), unge.noegle(p_opslag->>'navn'));
                INSERT INTO unge.navngivne SELECT v_id, unnest(array_append(coalesce(p_navngivne, '{}'), session_user::text))
                    WHERE coalesce(p_beskyttet, false) ON CONFLICT DO NOTHING;
                INSERT INTO unge.sager (id, revision, doc, resume, naeste_frist)
                    VALUES (v_id, 1, jsonb_set(p_doc, '{id}', to_jsonb(v_id)), jsonb_set(p_resume, '{id}', to_jsonb(v_id)),
                            (p_resume->>'nextDeadline')::date);
                PERFORM unge.skriv_log('unge', v_id, NULL, jsonb_set(p_haendelse, '{caseID}', to_jsonb(v_id)));
                RETURN QUERY SELECT 'ok'::text, v_id;
            END $$;

            -- Saving a case built on revision p_forventet: compare-and-swap in one statement, the audit row in
            -- the same transaction. 'ok', 'konflikt' (with the revision now), 'ingen' or 'adgang' (audited).
            CREATE FUNCTION unge.gem(p_sag text, p_forventet int, p_doc jsonb, p_resume jsonb, p_opslag jsonb, p_haendelse jsonb)
            RETURNS TABLE (status text, revision int)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_rev int;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag) THEN
                    RETURN QUERY SELECT 'ingen'::text, NULL::int; RETURN;
                END IF;
                IF NOT unge.maa(p_sag, session_user, true) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_haendelse->>'command'));
                    RETURN QUERY SELECT 'adgang'::text, NULL::int; RETURN;
                END IF;
                UPDATE unge.sager s SET revision = p_forventet + 1, doc = p_doc, resume = p_resume,
                    naeste_frist = (p_resume->>'nextDeadline')::date, opdateret = now()
                    WHERE s.id = p_sag AND s.revision = p_forventet RETURNING s.revision INTO v_rev;
                IF v_rev IS NULL THEN
                    RETURN QUERY SELECT 'konflikt'::text, (SELECT s.revision FROM unge.sager s WHERE s.id = p_sag); RETURN;
                END IF;
                UPDATE unge.sagsregister r SET cpr_noegle = unge.noegle(p_opslag->>'cpr'), navn_noegle = unge.noegle(p_opslag->>'navn')
                    WHERE r.id = p_sag;
                PERFORM unge.skriv_log('unge', p_sag, NULL, p_haendelse);
                RETURN QUERY SELECT 'ok'::text, v_rev;
            END $$;

            -- Putting a whole case in as it is (demo cases, moving a store): an administrator may name the
            -- team and caseworker; a caseworker imports into their own team as themselves.
            CREATE FUNCTION unge.indlaes(p_sag text, p_revision int, p_doc jsonb, p_resume jsonb, p_opslag jsonb,
                                         p_hold text, p_sagsbehandler text, p_haendelse jsonb)
            RETURNS TABLE (status text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_hold text := p_hold; v_sb name := p_sagsbehandler;
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    IF NOT pg_has_role(session_user, 'unge_sagsbehandler', 'MEMBER') THEN
                        RETURN QUERY SELECT 'adgang'::text; RETURN;
                    END IF;
                    SELECT m.hold INTO v_hold FROM unge.medlemmer m WHERE m.rolle = session_user;
                    v_sb := session_user;
                END IF;
                IF v_hold IS NULL THEN RETURN QUERY SELECT 'hold'::text; RETURN; END IF;
                IF EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p_sag) THEN RETURN QUERY SELECT 'findes'::text; RETURN; END IF;
                INSERT INTO unge.sagsregister VALUES (p_sag, v_hold, coalesce(v_sb, session_user), false,
                    unge.noegle(p_opslag->>'cpr'), unge.noegle(p_opslag->>'navn'));
                INSERT INTO unge.sager (id, revision, doc, resume, naeste_frist)
                    VALUES (p_sag, p_revision, p_doc, p_resume, (p_resume->>'nextDeadline')::date);
                PERFORM unge.skriv_log('unge', p_sag, NULL, p_haendelse);
                RETURN QUERY SELECT 'ok'::text;
            END $$;

            -- An audit event from unge (a listing, an export, a shown CPR number). A case event is accepted only
            -- for a case the role may read.
            CREATE FUNCTION unge.log_haendelse(p_sag text, p_viste text[], p_haendelse jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF p_sag IS NOT NULL AND NOT unge.maa(p_sag, session_user, false) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_haendelse->>'command'));
                    RETURN 'adgang';
                END IF;
                PERFORM unge.skriv_log('unge', p_sag, p_viste, p_haendelse);
                RETURN 'ok';
            END $$;

            -- The audit trail of a case (its own events and the listings that showed it), for a role that may
            -- read the case; with p_sag NULL, an administrator's whole log or a role's own events. Audited.
            CREATE FUNCTION unge.loghaendelser(p_sag text, p_kommando text) RETURNS TABLE (status text, haendelse jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF p_sag IS NOT NULL THEN
                    IF NOT unge.maa(p_sag, session_user, false) AND NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                        PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, p_kommando));
                        RETURN QUERY SELECT 'adgang'::text, NULL::jsonb; RETURN;
                    END IF;
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE (l.sag = p_sag OR p_sag = ANY (l.viste)) AND (l.kilde = 'unge' OR l.program <> 'unge')
                        ORDER BY l.nr;
                ELSIF pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE l.kilde = 'unge' OR l.program <> 'unge' ORDER BY l.nr;
                ELSE
                    RETURN QUERY SELECT 'ok'::text, l.haendelse FROM unge.log l
                        WHERE l.rolle = session_user AND (l.kilde = 'unge' OR l.program <> 'unge') ORDER BY l.nr;
                END IF;
            END $$;

            CREATE FUNCTION unge.kladde(p_kommando text, p_sag text) RETURNS jsonb
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT doc FROM unge.kladder WHERE ejer = session_user AND kommando = p_kommando AND sag = p_sag
            $$;
            CREATE FUNCTION unge.gem_kladde(p_kommando text, p_sag text, p_doc jsonb, p_haendelse jsonb) RETURNS void
            LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                INSERT INTO unge.kladder VALUES (session_user, p_kommando, p_sag, p_doc)
                    ON CONFLICT (ejer, kommando, sag) DO UPDATE SET doc = excluded.doc;
                SELECT unge.skriv_log('unge', nullif(p_sag, 'ny'), NULL, p_haendelse);
            $$;
            CREATE FUNCTION unge.slet_kladde(p_kommando text, p_sag text, p_haendelse jsonb) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                DELETE FROM unge.kladder WHERE ejer = session_user AND kommando = p_kommando AND sag = p_sag;
                IF FOUND THEN PERFORM unge.skriv_log('unge', nullif(p_sag, 'ny'), NULL, p_haendelse); END IF;
            END $$;

            CREATE FUNCTION unge.indstillinger_doc() RETURNS jsonb
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT doc FROM unge.indstillinger WHERE id = 1
            $$;
            CREATE FUNCTION unge.gem_indstillinger(p_doc jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT (pg_has_role(session_user, 'unge_admin', 'MEMBER') OR pg_has_role(session_user, 'unge_teamleder', 'MEMBER')) THEN
                    PERFORM unge.skriv_log('database', NULL, NULL, unge.haendelse('refused', NULL, 'indstillinger'));
                    RETURN 'adgang';
                END IF;
                UPDATE unge.indstillinger SET doc = p_doc WHERE id = 1;
                PERFORM unge.skriv_log('unge', NULL, NULL, unge.haendelse('update', NULL, 'indstillinger'));
                RETURN 'ok';
            END $$;

            -- Teams and members: administrators only.
            CREATE FUNCTION unge.saet_medlem(p_rolle text, p_hold text, p_leder bool) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', NULL, NULL, unge.haendelse('refused', NULL, 'medlem'));
                    RETURN 'adgang';
                END IF;
                INSERT INTO unge.hold VALUES (p_hold) ON CONFLICT DO NOTHING;
                INSERT INTO unge.medlemmer VALUES (p_rolle, p_hold, coalesce(p_leder, false))
                    ON CONFLICT (rolle) DO UPDATE SET hold = excluded.hold, leder = excluded.leder;
                PERFORM unge.skriv_log('unge', NULL, NULL,
                    jsonb_set(unge.haendelse('update', NULL, 'medlem'), '{criterion}', to_jsonb(p_rolle || ' i ' || p_hold)));
                RETURN 'ok';
            END $$;
            CREATE FUNCTION unge.saet_adgang(p_adgang text) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN RETURN 'adgang'; END IF;
                UPDATE unge.indstillinger SET adgang = p_adgang WHERE id = 1;
                PERFORM unge.skriv_log('unge', NULL, NULL,
                    jsonb_set(unge.haendelse('update', NULL, 'adgang'), '{criterion}', to_jsonb(p_adgang)));
                RETURN 'ok';
            END $$;

            -- A deputy: only the user themselves or a team leader of their team may grant it; it ends by itself.
            CREATE FUNCTION unge.stedfortraeder(p_stedfortraeder text, p_for text, p_til date) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT (session_user = p_for OR (pg_has_role(session_user, 'unge_teamleder', 'MEMBER') AND EXISTS (
                        SELECT 1 FROM unge.medlemmer l JOIN unge.medlemmer u ON u.hold = l.hold
                        WHERE l.rolle = session_user AND l.leder AND u.rolle = p_for))) THEN
                    PERFORM unge.skriv_log('database', NULL, NULL,
                        jsonb_set(unge.haendelse('refused', NULL, 'stedfortraeder'), '{criterion}', to_jsonb(p_stedfortraeder || ' for ' || p_for)));
                    RETURN 'adgang';
                END IF;
                IF p_til < current_date THEN RETURN 'dato'; END IF;
                INSERT INTO unge.stedfortraedere VALUES (p_stedfortraeder, p_for, p_til, session_user)
                    ON CONFLICT (stedfortraeder, for_rolle) DO UPDATE SET til = excluded.til, givet_af = excluded.givet_af, givet = now();
                PERFORM unge.skriv_log('unge', NULL, NULL,
                    jsonb_set(unge.haendelse('update', NULL, 'stedfortraeder'), '{criterion}',
                              to_jsonb(p_stedfortraeder || ' for ' || p_for || ' til ' || p_til::text)));
                RETURN 'ok';
            END $$;

            -- The municipality-wide existence lookup: for each matching case, whether this role may open it,
            -- and otherwise only its number, team and caseworker; for a restricted case only that it exists and
            -- whom to contact. The audit row holds the matched numbers and a keyed hash of the criterion.
            CREATE FUNCTION unge.find(p_cpr text, p_navn text)
            RETURNS TABLE (id text, hold text, sagsbehandler text, beskyttet bool, kan_aabne bool, kontakt text[])
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_cpr text := unge.noegle(p_cpr); v_navn text := unge.noegle(p_navn); ids text[];
            BEGIN
                IF NOT (pg_has_role(session_user, 'unge_sagsbehandler', 'MEMBER') OR pg_has_role(session_user, 'unge_teamleder', 'MEMBER')) THEN
                    RETURN;
                END IF;
                SELECT array_agg(r.id ORDER BY r.id) INTO ids FROM unge.sagsregister r
                    WHERE (v_cpr IS NOT NULL AND r.cpr_noegle = v_cpr) OR (v_navn IS NOT NULL AND r.navn_noegle = v_navn);
                PERFORM unge.skriv_log('unge', NULL, ids,
                    jsonb_set(unge.haendelse('search', NULL, 'find'), '{criterion}', to_jsonb('noegle:' || coalesce(v_cpr, v_navn))));
                RETURN QUERY SELECT r.id,
                    CASE WHEN r.beskyttet THEN NULL ELSE r.hold END,
                    CASE WHEN r.beskyttet THEN NULL ELSE r.sagsbehandler::text END,
                    r.beskyttet, unge.maa(r.id, session_user, false),
                    CASE WHEN r.beskyttet THEN (SELECT array_agg(n.rolle::text ORDER BY n.rolle) FROM unge.navngivne n WHERE n.sag = r.id) END
                    FROM unge.sagsregister r WHERE r.id = ANY (coalesce(ids, '{}')) ORDER BY r.id;
            END $$;

            -- Handing a case over to another caseworker (and their team): the caseworker of the case, a leader
            -- of its team, or an administrator.
            CREATE FUNCTION unge.overdrag(p_sag text, p_til text, p_haendelse jsonb) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE v_hold text;
            BEGIN
                SELECT m.hold INTO v_hold FROM unge.medlemmer m WHERE m.rolle = p_til;
                IF v_hold IS NULL THEN RETURN 'hold'; END IF;
                IF NOT (unge.maa(p_sag, session_user, true) OR pg_has_role(session_user, 'unge_admin', 'MEMBER') OR EXISTS (
                        SELECT 1 FROM unge.sagsregister r JOIN unge.medlemmer l ON l.hold = r.hold
                        WHERE r.id = p_sag AND l.rolle = session_user AND l.leder)) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'overdrag'));
                    RETURN 'adgang';
                END IF;
                UPDATE unge.sagsregister SET sagsbehandler = p_til, hold = v_hold WHERE id = p_sag;
                PERFORM unge.skriv_log('unge', p_sag, NULL, p_haendelse);
                RETURN 'ok';
            END $$;

            GRANT EXECUTE ON FUNCTION unge.version(), unge.mig(), unge.hent(text, text), unge.findes(text),
                unge.sagsnumre_synlige(), unge.oversigt(text, bool), unge.alle(text), unge.opret(int, jsonb, jsonb, jsonb, bool, text[], jsonb),
                unge.gem(text, int, jsonb, jsonb, jsonb, jsonb), unge.indlaes(text, int, jsonb, jsonb, jsonb, text, text, jsonb),
                unge.log_haendelse(text, text[], jsonb), unge.loghaendelser(text, text), unge.kladde(text, text),
                unge.gem_kladde(text, text, jsonb, jsonb), unge.slet_kladde(text, text, jsonb), unge.indstillinger_doc(),
                unge.gem_indstillinger(jsonb), unge.stedfortraeder(text, text, date), unge.find(text, text),
                unge.overdrag(text, text, jsonb)
                TO unge_sagsbehandler, unge_teamleder, unge_admin;
            GRANT EXECUTE ON FUNCTION unge.saet_medlem(text, text, bool), unge.saet_adgang(text) TO unge_admin;
            """#

        /// Statistics facts beside each case, and the one audited, scoped way to read them
        /// (`unge statistik`, `unge indberet`).
        static let migrationStatistics = #"""
            -- unge team store: the statistics facts of each case (derived from the document by unge at every save:
            -- no CPR number, name or case text), with the first and last day the case can count in a period
            -- (til NULL: open). Never the truth: facts of an older revision than the case are not used.
            SET LOCAL ROLE unge_ejer;
            CREATE TABLE unge.statistik (
                sag text PRIMARY KEY REFERENCES unge.sager ON DELETE CASCADE, revision int NOT NULL,
                fakta text NOT NULL, fra date NOT NULL, til date);
            ALTER TABLE unge.statistik ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.statistik FORCE ROW LEVEL SECURITY;
            CREATE POLICY laese ON unge.statistik FOR SELECT TO unge_ejer USING (unge.maa(sag, session_user, false));
            CREATE POLICY skrive ON unge.statistik FOR ALL TO unge_ejer
                USING (unge.maa(sag, session_user, true)) WITH CHECK (unge.maa(sag, session_user, true));

            -- The facts of one saved revision, by a role that may write the case.
            CREATE FUNCTION unge.gem_statistik(p_sag text, p_revision int, p_fakta text, p_fra date, p_til date) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT unge.maa(p_sag, session_user, true) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'statistik'));
                    RETURN 'adgang';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM unge.sager s WHERE s.id = p_sag AND s.revision = p_revision) THEN
                    RETURN 'forældet';
                END IF;
                INSERT INTO unge.statistik AS st VALUES (p_sag, p_revision, p_fakta, p_fra, p_til)
                    ON CONFLICT (sag) DO UPDATE SET revision = excluded.revision, fakta = excluded.fakta,
                        fra = excluded.fra, til = excluded.til
                    WHERE st.revision <= excluded.revision;
                RETURN 'ok';
            END $$;

            -- The facts of the cases the role may read (unge.maa), of one team the role is on (p_hold), or only the
            -- role's own cases (p_mine); with a window, only cases that can count in it. A case whose facts are
            -- missing or older than the case comes with its document instead. One audit row (no case is shown:
            -- statistics name none); a team the role is not on is refused and audited.
            CREATE FUNCTION unge.statistik_fakta(p_hold text, p_mine bool, p_fra date, p_til date, p_haendelse jsonb)
            RETURNS TABLE (status text, sag text, sagsbehandler text, fakta text, doc jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF p_hold IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM unge.medlemmer m WHERE m.rolle = session_user AND m.hold = p_hold) THEN
                    PERFORM unge.skriv_log('database', NULL, NULL,
                        jsonb_set(unge.haendelse('refused', NULL, p_haendelse->>'command'), '{criterion}', to_jsonb('hold ' || p_hold)));
                    RETURN QUERY SELECT 'adgang'::text, NULL::text, NULL::text, NULL::text, NULL::jsonb; RETURN;
                END IF;
                PERFORM unge.skriv_log('unge', NULL, NULL, p_haendelse);
                RETURN QUERY
                    SELECT 'ok'::text, r.id, r.sagsbehandler::text,
                           CASE WHEN st.revision = s.revision THEN st.fakta END,
                           CASE WHEN st.revision IS DISTINCT FROM s.revision THEN s.doc END
                    FROM unge.sagsregister r
                    JOIN unge.sager s ON s.id = r.id
                    LEFT JOIN unge.statistik st ON st.sag = r.id
                    WHERE unge.maa(r.id, session_user, false)
                      AND (p_hold IS NULL OR r.hold = p_hold)
                      AND (NOT coalesce(p_mine, false) OR r.sagsbehandler = session_user)
                      AND (st.revision IS DISTINCT FROM s.revision OR p_fra IS NULL OR p_til IS NULL
                           OR (st.fra <= p_til AND (st.til IS NULL OR st.til >= p_fra)))
                    ORDER BY r.id;
            END $$;

            GRANT EXECUTE ON FUNCTION unge.gem_statistik(text, int, text, date, date),
                unge.statistik_fakta(text, bool, date, date, jsonb)
                TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// Statistics as SQL aggregates: the items Core derives from each case at save
        /// (`StatisticsItem`, no CPR number, name or case text) beside the facts, and one function that
        /// counts them for a period. SQL compares the stored moments with now and never computes a
        /// deadline; cases whose items are missing or older than the case come back as documents,
        /// which unge counts itself.
        static let migrationStatistikTal = #"""
            SET LOCAL ROLE unge_ejer;
            -- No login role has a grant. Even the owner reads the items only inside unge.statistik_tal and
            -- unge.gem_statistik (each sets the transaction-local unge.statistik; statistik_tal scopes by unge.maa
            -- per case), and writes only the items of a case the role may write.
            CREATE TABLE unge.statistik_post (
                sag text NOT NULL REFERENCES unge.statistik ON DELETE CASCADE,
                art text NOT NULL, dag date NOT NULL, noegle text, ekstra text,
                anonym bool NOT NULL DEFAULT false, start date, slut bool NOT NULL DEFAULT false,
                har_frist bool NOT NULL DEFAULT false, opfyldt float8, sen bool NOT NULL DEFAULT false,
                efter float8, efter_dag date, lukket date);
            CREATE INDEX statistik_post_sag ON unge.statistik_post (sag);
            ALTER TABLE unge.statistik_post ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.statistik_post FORCE ROW LEVEL SECURITY;
            CREATE POLICY laese ON unge.statistik_post FOR SELECT TO unge_ejer
                USING (coalesce(current_setting('unge.statistik', true), '') IN ('tal', 'gem'));
            CREATE POLICY oprette ON unge.statistik_post FOR INSERT TO unge_ejer
                WITH CHECK (unge.maa(sag, session_user, true));
            CREATE POLICY slette ON unge.statistik_post FOR DELETE TO unge_ejer
                USING (unge.maa(sag, session_user, true));

            -- The facts and items of one saved revision, by a role that may write the case.
            DROP FUNCTION unge.gem_statistik(text, int, text, date, date);
            CREATE FUNCTION unge.gem_statistik(p_sag text, p_revision int, p_fakta text, p_fra date, p_til date, p_poster jsonb)
            RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE n int;
            BEGIN
                IF NOT unge.maa(p_sag, session_user, true) THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'statistik'));
                    RETURN 'adgang';
                END IF;
                IF NOT EXISTS (SELECT 1 FROM unge.sager s WHERE s.id = p_sag AND s.revision = p_revision) THEN
                    RETURN 'forældet';
                END IF;
                INSERT INTO unge.statistik AS st VALUES (p_sag, p_revision, p_fakta, p_fra, p_til)
                    ON CONFLICT (sag) DO UPDATE SET revision = excluded.revision, fakta = excluded.fakta,
                        fra = excluded.fra, til = excluded.til
                    WHERE st.revision <= excluded.revision;
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n = 0 THEN RETURN 'forældet'; END IF;
                PERFORM set_config('unge.statistik', 'gem', true);
                DELETE FROM unge.statistik_post WHERE sag = p_sag;
                INSERT INTO unge.statistik_post (sag, art, dag, noegle, ekstra, anonym, start, slut, har_frist, opfyldt,
                        sen, efter, efter_dag, lukket)
                    SELECT p_sag, x.art, x.dag, x.noegle, x.ekstra, coalesce(x.anonym, false), x.start,
                           coalesce(x.slut, false), coalesce(x.har_frist, false), x.opfyldt, coalesce(x.sen, false),
                           x.efter, x.efter_dag, x.lukket
                    FROM jsonb_to_recordset(coalesce(p_poster, '[]'::jsonb)) AS x(art text, dag date, noegle text,
                        ekstra text, anonym bool, start date, slut bool, har_frist bool, opfyldt float8, sen bool,
                        efter float8, efter_dag date, lukket date);
                PERFORM set_config('unge.statistik', '', true);
                RETURN 'ok';
            END $$;

            -- A deadline's outcome at now (p_nu, seconds since 1970; p_idag, the Danish day of now), from the
            -- moments unge stored: met (on time or late, as unge decided at save), lapsed (the case was closed),
            -- overdue (now after the stored moment or today after the stored due day), or open.
            CREATE FUNCTION unge.statistik_udfald(p_opfyldt float8, p_sen bool, p_efter float8, p_efter_dag date,
                p_lukket date, p_nu float8, p_idag date) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
                SELECT CASE
                    WHEN p_opfyldt IS NOT NULL AND p_opfyldt <= p_nu THEN CASE WHEN p_sen THEN 'for-sent' ELSE 'til-tiden' END
                    WHEN p_lukket IS NOT NULL AND p_lukket <= p_idag THEN 'bortfaldet'
                    WHEN p_nu > p_efter OR p_idag > p_efter_dag THEN 'overskredet'
                    ELSE 'aaben'
                END
            $$;

            -- The counts of `unge statistik` for the period p_fra..p_til, over the cases the role may read (unge.maa),
            -- of one team the role is on (p_hold), or the role's own (p_mine). Rows: ('tal', key, count) and, for a
            -- case whose items are missing or older than the case, ('dok', case, caseworker, document). One audit
            -- row (no case is shown); a team the role is not on is refused and audited. p_frist/p_fristdag: the
            -- moment caseloads are read at; p_trend_fra..p_trend_til (exclusive): the trend's 12 months.
            CREATE FUNCTION unge.statistik_tal(p_hold text, p_mine bool, p_fra date, p_til date, p_nu float8, p_idag date,
                p_frist float8, p_fristdag date, p_trend_fra date, p_trend_til date, p_haendelse jsonb)
            RETURNS TABLE (status text, noegle text, antal bigint, sag text, sagsbehandler text, doc jsonb)
            -- Hash joins over the materialized item rows: a nested loop over two CTE scans grows with cases x items.
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge SET enable_nestloop = off AS $$
            BEGIN
                IF p_hold IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM unge.medlemmer m WHERE m.rolle = session_user AND m.hold = p_hold) THEN
                    PERFORM unge.skriv_log('database', NULL, NULL,
                        jsonb_set(unge.haendelse('refused', NULL, p_haendelse->>'command'), '{criterion}', to_jsonb('hold ' || p_hold)));
                    RETURN QUERY SELECT 'adgang'::text, NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::jsonb; RETURN;
                END IF;
                PERFORM unge.skriv_log('unge', NULL, NULL, p_haendelse);
                PERFORM set_config('unge.statistik', 'tal', true);
                RETURN QUERY
                WITH udvalg AS MATERIALIZED (
                    SELECT r.id, r.sagsbehandler::text AS sb, coalesce(st.revision = s.revision, false) AS aktuel
                    FROM unge.sagsregister r
                    JOIN unge.sager s ON s.id = r.id
                    LEFT JOIN unge.statistik st ON st.sag = r.id
                    WHERE unge.maa(r.id, session_user, false)
                      AND (p_hold IS NULL OR r.hold = p_hold)
                      AND (NOT coalesce(p_mine, false) OR r.sagsbehandler = session_user)),
                p AS MATERIALIZED (
                    SELECT x.sag, x.art, x.dag, x.noegle, x.ekstra, x.anonym, x.start, x.slut, x.har_frist, x.lukket,
                           x.opfyldt, x.efter, x.efter_dag, u.sb,
                           unge.statistik_udfald(x.opfyldt, x.sen, x.efter, x.efter_dag, x.lukket, p_nu, p_idag) AS udfald
                    FROM udvalg u JOIN unge.statistik_post x ON x.sag = u.id
                    WHERE u.aktuel),
                i AS (SELECT * FROM p WHERE p.dag BETWEEN p_fra AND p_til),
                aaben AS (
                    SELECT p.sag, coalesce(p.sb, p.ekstra, '') AS navn FROM p
                    WHERE p.art = 'sag' AND p.dag <= p_til AND (p.lukket IS NULL OR p.lukket > p_til)),
                tal (k, n) AS (
                    SELECT 'underretninger.underretter.' || i.noegle, count(*) FROM i WHERE i.art = 'underretning' GROUP BY 1
                    UNION ALL
                    SELECT 'underretninger.niveau.' || i.ekstra, count(*) FROM i WHERE i.art = 'underretning' GROUP BY 1
                    UNION ALL
                    SELECT CASE WHEN i.art IN ('vurdering', 'kvittering') THEN 'underretninger.' ELSE 'frister.' END
                           || i.art || '.' || CASE i.udfald WHEN 'overskredet' THEN 'mangler' WHEN 'bortfaldet' THEN 'mangler'
                                                             WHEN 'aaben' THEN 'ikke-forfalden' ELSE i.udfald END, count(*)
                    FROM i WHERE i.art IN ('vurdering', 'kvittering', 'undersoegelse', 'plan', 'opfoelgning') GROUP BY 1
                    UNION ALL
                    SELECT 'underretninger.orientering.' || i.noegle, count(*) FROM i WHERE i.art = 'orientering' GROUP BY 1
                    UNION ALL
                    SELECT 'frister.afdaekning', count(*) FROM i WHERE i.art = 'afdaekning' HAVING count(*) > 0
                    UNION ALL
                    SELECT 'behandling.grundlag.' || i.noegle, count(*) FROM i WHERE i.art = 'henvendelse' GROUP BY 1
                    UNION ALL
                    SELECT 'behandling.anonyme', count(*) FROM i WHERE i.art = 'henvendelse' AND i.anonym HAVING count(*) > 0
                    UNION ALL
                    SELECT 'behandling.start.' || CASE
                               WHEN i.udfald IN ('til-tiden', 'for-sent') THEN i.udfald
                               WHEN i.udfald = 'bortfaldet' THEN 'sag-lukket'
                               WHEN i.slut THEN 'afsluttet-uden-start'
                               WHEN i.udfald = 'overskredet' THEN 'overskredet'
                               ELSE 'venter' END, count(*)
                    FROM i WHERE i.art = 'henvendelse' AND i.har_frist GROUP BY 1
                    UNION ALL
                    SELECT 'dage.' || i.noegle || '.' || (i.start - i.dag), count(*)
                    FROM i WHERE i.art = 'henvendelse' AND i.start <= p_idag GROUP BY 1
                    UNION ALL
                    SELECT 'sager.oprettet', count(*) FROM i WHERE i.art = 'sag' HAVING count(*) > 0
                    UNION ALL
                    SELECT 'sager.lukket.' || p.noegle, count(*) FROM p
                    WHERE p.art = 'sag' AND p.lukket BETWEEN p_fra AND p_til GROUP BY 1
                    UNION ALL
                    SELECT 'sager.genaabnet', count(*) FROM i WHERE i.art = 'genaabnet' HAVING count(*) > 0
                    UNION ALL
                    SELECT 'atten.' || i.noegle, count(*) FROM i WHERE i.art = 'atten' GROUP BY 1
                    UNION ALL
                    SELECT 'trend.til-tiden.' || to_char(p.dag, 'YYYY-MM'), count(*) FROM p
                    WHERE p.art = 'frist' AND p.dag >= p_trend_fra AND p.dag < p_trend_til AND p.udfald = 'til-tiden' GROUP BY 1
                    UNION ALL
                    SELECT 'trend.afgjort.' || to_char(p.dag, 'YYYY-MM'), count(*) FROM p
                    WHERE p.art = 'frist' AND p.dag >= p_trend_fra AND p.dag < p_trend_til AND p.udfald <> 'aaben' GROUP BY 1
                    UNION ALL
                    SELECT 'sb.sager.' || a.navn, count(*) FROM aaben a GROUP BY 1
                    UNION ALL
                    -- Overdue at the cutoff: not met by then, and the cutoff after the stored moment or day.
                    SELECT 'sb.frister.' || a.navn, count(*) FROM aaben a JOIN p f ON f.sag = a.sag AND f.art = 'frist'
                    WHERE (f.opfyldt IS NULL OR f.opfyldt > p_frist) AND (p_frist > f.efter OR p_fristdag > f.efter_dag)
                    GROUP BY 1)
                SELECT 'tal'::text, tal.k, tal.n, NULL::text, NULL::text, NULL::jsonb FROM tal
                UNION ALL
                SELECT 'dok'::text, NULL::text, NULL::bigint, u.id, u.sb, s.doc
                FROM udvalg u JOIN unge.sager s ON s.id = u.id WHERE NOT u.aktuel;
                PERFORM set_config('unge.statistik', '', true);
            END $$;

            GRANT EXECUTE ON FUNCTION unge.gem_statistik(text, int, text, date, date, jsonb),
                unge.statistik_tal(text, bool, date, date, float8, date, float8, date, date, date, jsonb)
                TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// The listings read only the register rows the role could be allowed (`unge.kandidat`, a superset
        /// of `unge.maa` that the planner can use with the register's indexes), so row-level security's
        /// `unge.maa` runs on those rows alone instead of on every case in the municipality. `maa` stays the
        /// rule: a row the filter lets through is still shown only if `maa` allows it.
        static let migrationOversigtHurtig = #"""
            SET LOCAL ROLE unge_ejer;
            -- The register rows a role could be allowed to read (a superset of unge.maa's answer), found by index.
            CREATE FUNCTION unge.kandidater(p_kun_mine bool) RETURNS TABLE (id text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT r.id FROM unge.sagsregister r WHERE r.sagsbehandler = session_user AND NOT r.beskyttet
                UNION SELECT r.id FROM unge.sagsregister r
                    WHERE NOT p_kun_mine AND NOT r.beskyttet
                        AND r.hold IN (SELECT m.hold FROM unge.medlemmer m WHERE m.rolle = session_user)
                UNION SELECT r.id FROM unge.sagsregister r JOIN unge.stedfortraedere d ON d.for_rolle = r.sagsbehandler
                    WHERE NOT p_kun_mine AND NOT r.beskyttet AND d.stedfortraeder = session_user AND d.til >= current_date
                UNION SELECT n.sag FROM unge.navngivne n WHERE n.rolle = session_user
            $$;
            REVOKE ALL ON FUNCTION unge.kandidater(bool) FROM PUBLIC;

            CREATE OR REPLACE FUNCTION unge.oversigt(p_kommando text, p_kun_mine bool)
            RETURNS TABLE (id text, revision int, resume jsonb, sagsbehandler text, hold text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[];
            BEGIN
                IF pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    RETURN QUERY SELECT s.id, s.revision, s.resume, r.sagsbehandler::text, r.hold FROM unge.sager s
                        JOIN unge.sagsregister r ON r.id = s.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user ORDER BY s.id;
                    SELECT array_agg(s.id ORDER BY s.id) INTO ids FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user;
                ELSE
                    RETURN QUERY SELECT s.id, s.revision, s.resume, r.sagsbehandler::text, r.hold
                        FROM unge.kandidater(p_kun_mine) k JOIN unge.sagsregister r ON r.id = k.id JOIN unge.sager s ON s.id = k.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user ORDER BY s.id;
                    SELECT array_agg(s.id ORDER BY s.id) INTO ids
                        FROM unge.kandidater(p_kun_mine) k JOIN unge.sagsregister r ON r.id = k.id JOIN unge.sager s ON s.id = k.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user;
                END IF;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
            END $$;
            """#

        /// `unge.maa` finds the register row by its index again. Its parameters mix `text` (the case id,
        /// default collation) and `name` (the role, collation "C"), so the call has no single input
        /// collation, and inside the function `r.id = p_sag` compared under a collation the primary key's
        /// index was not built with: every call scanned the whole register (2-15 ms a row at 20,000-100,000
        /// cases, paid once per row a listing or row-level security looks at). An explicit collation on
        /// the parameter makes the comparison the index's own. Same rule, same answers.
        static let migrationMaaIndeks = #"""
            SET LOCAL ROLE unge_ejer;
            CREATE OR REPLACE FUNCTION unge.maa(p_sag text, p_hvem name, p_skrive bool) RETURNS bool
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
                SELECT coalesce((
                    SELECT CASE
                        WHEN r.beskyttet THEN EXISTS (SELECT 1 FROM unge.navngivne n WHERE n.sag = r.id AND n.rolle = p_hvem)
                        ELSE (pg_has_role(p_hvem, 'unge_sagsbehandler', 'MEMBER') AND (
                                r.sagsbehandler = p_hvem
                                OR EXISTS (SELECT 1 FROM unge.stedfortraedere d
                                           WHERE d.stedfortraeder = p_hvem AND d.for_rolle = r.sagsbehandler AND d.til >= current_date)
                                OR ((SELECT adgang FROM unge.indstillinger WHERE id = 1) = 'team'
                                    AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold))))
                            OR (NOT p_skrive AND pg_has_role(p_hvem, 'unge_teamleder', 'MEMBER')
                                AND EXISTS (SELECT 1 FROM unge.medlemmer m WHERE m.rolle = p_hvem AND m.hold = r.hold AND m.leder))
                            OR (NOT p_skrive AND pg_has_role(p_hvem, 'unge_admin', 'MEMBER'))
                    END
                    FROM unge.sagsregister r WHERE r.id = p_sag COLLATE "default"), false)
            $$;
            """#

        /// Listings in one pass over the rows a role could be allowed: `unge.oversigt_udvalg` (`liste
        /// --mine`, `frister --team`) starts from `unge.kandidater` as `unge.oversigt` has since migration
        /// 9, and both read the rows once (into arrays) for the answer and the audit row's ids, where they
        /// used to run the query twice. `unge.hent_flere` reads the documents of several cases in one
        /// call (the next step `liste --mine` shows for each of the caseworker's open cases), audited as
        /// one listing row with the ids read, the way `unge.alle` is; an id that is not there or not the
        /// role's comes back as 'ingen' or 'adgang', and each refusal is audited as `unge.hent` does.
        static let migrationUdvalgHurtig = #"""
            SET LOCAL ROLE unge_ejer;
            CREATE OR REPLACE FUNCTION unge.oversigt(p_kommando text, p_kun_mine bool)
            RETURNS TABLE (id text, revision int, resume jsonb, sagsbehandler text, hold text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[]; revs int[]; res jsonb[]; sbs text[]; holds text[];
            BEGIN
                IF pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    SELECT array_agg(s.id ORDER BY s.id), array_agg(s.revision ORDER BY s.id), array_agg(s.resume ORDER BY s.id),
                           array_agg(r.sagsbehandler::text ORDER BY s.id), array_agg(r.hold ORDER BY s.id)
                        INTO ids, revs, res, sbs, holds
                        FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user;
                ELSE
                    SELECT array_agg(s.id ORDER BY s.id), array_agg(s.revision ORDER BY s.id), array_agg(s.resume ORDER BY s.id),
                           array_agg(r.sagsbehandler::text ORDER BY s.id), array_agg(r.hold ORDER BY s.id)
                        INTO ids, revs, res, sbs, holds
                        FROM unge.kandidater(p_kun_mine) k JOIN unge.sagsregister r ON r.id = k.id JOIN unge.sager s ON s.id = k.id
                        WHERE NOT p_kun_mine OR r.sagsbehandler = session_user;
                END IF;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
                RETURN QUERY SELECT u.i, u.v, u.r, u.b, u.h FROM unnest(ids, revs, res, sbs, holds) AS u(i, v, r, b, h);
            END $$;

            CREATE OR REPLACE FUNCTION unge.oversigt_udvalg(p_kommando text, p_mine bool, p_hold text)
            RETURNS TABLE (id text, revision int, resume jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[]; revs int[]; res jsonb[]; v_mine bool := coalesce(p_mine, false);
            BEGIN
                IF pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    SELECT array_agg(s.id ORDER BY s.id), array_agg(s.revision ORDER BY s.id), array_agg(s.resume ORDER BY s.id)
                        INTO ids, revs, res
                        FROM unge.sager s JOIN unge.sagsregister r ON r.id = s.id
                        WHERE (NOT v_mine OR r.sagsbehandler = session_user) AND (p_hold IS NULL OR r.hold = p_hold);
                ELSE
                    SELECT array_agg(s.id ORDER BY s.id), array_agg(s.revision ORDER BY s.id), array_agg(s.resume ORDER BY s.id)
                        INTO ids, revs, res
                        FROM unge.kandidater(v_mine) k JOIN unge.sagsregister r ON r.id = k.id JOIN unge.sager s ON s.id = k.id
                        WHERE (NOT v_mine OR r.sagsbehandler = session_user) AND (p_hold IS NULL OR r.hold = p_hold);
                END IF;
                PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
                RETURN QUERY SELECT u.i, u.v, u.r FROM unnest(ids, revs, res) AS u(i, v, r);
            END $$;

            CREATE FUNCTION unge.hent_flere(p_ider text[], p_kommando text)
            RETURNS TABLE (id text, status text, revision int, doc jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE ids text[]; afvist text[];
            BEGIN
                -- Row-level security lets through the cases this role may read. The documents go straight
                -- into the answer (gathering them first costs more than reading the ids twice).
                RETURN QUERY SELECT s.id, 'ok'::text, s.revision, s.doc FROM unge.sager s WHERE s.id = ANY (p_ider);
                SELECT array_agg(s.id ORDER BY s.id) INTO ids FROM unge.sager s WHERE s.id = ANY (p_ider);
                SELECT array_agg(DISTINCT r.id) INTO afvist FROM unge.sagsregister r
                    WHERE r.id = ANY (p_ider) AND NOT (r.id = ANY (coalesce(ids, '{}')));
                PERFORM unge.skriv_log('database', a, NULL, unge.haendelse('refused', a, p_kommando)) FROM unnest(afvist) a;
                IF ids IS NOT NULL THEN
                    PERFORM unge.skriv_log('database', NULL, ids, unge.haendelse('search', NULL, p_kommando));
                END IF;
                RETURN QUERY
                    SELECT a, 'adgang'::text, NULL::int, NULL::jsonb FROM unnest(afvist) a
                    UNION ALL SELECT p, 'ingen'::text, NULL::int, NULL::jsonb FROM unnest(p_ider) p
                        WHERE NOT EXISTS (SELECT 1 FROM unge.sagsregister r WHERE r.id = p);
            END $$;
            REVOKE ALL ON FUNCTION unge.hent_flere(text[], text) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION unge.hent_flere(text[], text) TO unge_sagsbehandler, unge_teamleder, unge_admin;
            """#

        /// The chains' recorded heads and anchor events (issue 22, point 5), as in a folder (`log/.kaeder`
        /// and `AuditChain`'s anchors): every chain's last number and digest is kept in `unge.kaedehoved`
        /// (one row per chain, so writers to different cases never wait for one another), and new events
        /// continue from it, so rows cut off the end of a chain stay missing. Once an hour (`unge.anker`),
        /// the first event after the hour writes an anchor event in the chain `alle` with the heads of the
        /// chains changed since the last anchor (`<chain> <seq> <digest>`, at most 2000 to an event), so
        /// an edit of the heads table is seen too. Anchoring never waits: when another transaction
        /// anchors or writes to `alle`, the next event anchors instead.
        static let migrationAnkre = #"""
            SET LOCAL ROLE unge_ejer;
            CREATE TABLE unge.kaedehoved (
                kaede text PRIMARY KEY, loebenr bigint NOT NULL, digest text NOT NULL,
                -- the transaction that wrote the head: anchored when not seen by the last anchor
                xid xid8 NOT NULL DEFAULT pg_current_xact_id());
            INSERT INTO unge.kaedehoved (kaede, loebenr, digest, xid)
                SELECT DISTINCT ON (l.kaede) l.kaede, l.loebenr, l.haendelse->>'digest', '0'::xid8 FROM unge.log l
                WHERE l.kaede IS NOT NULL ORDER BY l.kaede, l.loebenr DESC;
            ALTER TABLE unge.kaedehoved ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.kaedehoved FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.kaedehoved TO unge_ejer USING (true) WITH CHECK (true);

            -- The anchor clock: the last anchor's time and the oldest transaction its snapshot did not see.
            CREATE TABLE unge.anker (
                en bool PRIMARY KEY DEFAULT true CHECK (en), sidst timestamptz NOT NULL DEFAULT clock_timestamp(),
                fra xid8 NOT NULL DEFAULT '0', hvert interval NOT NULL DEFAULT '1 hour');
            INSERT INTO unge.anker DEFAULT VALUES;
            ALTER TABLE unge.anker ENABLE ROW LEVEL SECURITY;
            ALTER TABLE unge.anker FORCE ROW LEVEL SECURITY;
            CREATE POLICY ejer ON unge.anker TO unge_ejer USING (true) WITH CHECK (true);

            CREATE OR REPLACE FUNCTION unge.log_kaede() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE h jsonb := NEW.haendelse; k text; n bigint; forrige text; salt text; ph text; d text;
                anker bool := false;
            BEGIN
                IF NOT (NEW.kilde = 'unge' OR NEW.program <> 'unge') THEN RETURN NEW; END IF;
                k := coalesce(h->>'caseID', 'alle');
                PERFORM pg_advisory_xact_lock(hashtext('unge.log:' || k));
                -- The recorded head, not the last row: rows cut off the end stay missing (a break).
                SELECT c.loebenr, c.digest INTO n, forrige FROM unge.kaedehoved c WHERE c.kaede = k;
                IF n IS NULL THEN
                    SELECT l.loebenr, l.haendelse->>'digest' INTO n, forrige FROM unge.log l
                        WHERE l.kaede = k ORDER BY l.loebenr DESC LIMIT 1;
                END IF;
                n := coalesce(n, 0) + 1;
                forrige := coalesce(forrige, repeat('0', 64));
                -- Only unge.forankr (from the trigger below) writes an anchor's heads; a moved event's chain
                -- fields belong to its source: it is chained anew here.
                anker := h->>'action' = 'anchor' AND pg_trigger_depth() > 1
                    AND current_setting('unge.ankring', true) = 'ja' AND k = 'alle';
                h := h - ARRAY['chain', 'seq', 'prev', 'payloadHash', 'salt', 'digest', 'erasedThrough'];
                IF NOT anker THEN h := h - 'anchors'; END IF;
                h := jsonb_set(h, '{time}', to_jsonb(to_char(
                    date_trunc('second', (h->>'time')::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
                IF h->>'action' = 'delete' THEN h := h || jsonb_build_object('erasedThrough', n - 1); END IF;
                salt := replace(gen_random_uuid()::text, '-', '');
                ph := encode(sha256(convert_to(salt || unge.kaede_nyttelast(h), 'UTF8')), 'hex');
                h := h || jsonb_build_object('chain', k, 'seq', n, 'prev', forrige, 'payloadHash', ph);
                IF NOT coalesce((h->>'erased')::bool, false) THEN h := h || jsonb_build_object('salt', salt); END IF;
                d := encode(sha256(convert_to(unge.kaede_hoved(h), 'UTF8')), 'hex');
                NEW.haendelse := h || jsonb_build_object('digest', d);
                NEW.kaede := k;
                NEW.loebenr := n;
                -- (under the chain's lock: a plain update, or the first row of a new chain)
                UPDATE unge.kaedehoved c SET loebenr = n, digest = d, xid = pg_current_xact_id() WHERE c.kaede = k;
                IF NOT FOUND THEN INSERT INTO unge.kaedehoved (kaede, loebenr, digest) VALUES (k, n, d); END IF;
                RETURN NEW;
            END $$;

            -- Writes anchor events (at p_tid, the time of the event that found the hour up, as in a folder)
            -- when the hour is up: the heads of the chains changed by transactions the
            -- last anchor did not see. Never waits; a busy anchor is left for the next event. Called only by
            -- the trigger below (an anchor's heads are kept only in an insert made by a trigger).
            CREATE FUNCTION unge.forankr(p_tid text) RETURNS int
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE a record; poster text[]; v_fra xid8; i int := 1; antal int;
            BEGIN
                IF NOT pg_try_advisory_xact_lock(hashtext('unge.log:anker'))
                    OR NOT pg_try_advisory_xact_lock(hashtext('unge.log:alle')) THEN
                    RETURN 0;
                END IF;
                SELECT * INTO a FROM unge.anker FOR UPDATE;
                IF a IS NULL OR clock_timestamp() - a.sidst < a.hvert THEN RETURN 0; END IF;
                SELECT pg_snapshot_xmin(pg_current_snapshot()),
                       array_agg(c.kaede || ' ' || c.loebenr || ' ' || c.digest ORDER BY c.kaede)
                    INTO v_fra, poster FROM unge.kaedehoved c WHERE c.kaede <> 'alle' AND c.xid >= a.fra;
                antal := coalesce(array_length(poster, 1), 0);
                PERFORM set_config('unge.ankring', 'ja', true);
                WHILE i <= antal LOOP
                    INSERT INTO unge.log (kilde, sag, viste, haendelse) VALUES ('unge', NULL, NULL, jsonb_build_object(
                        'schemaVersion', 1, 'time', p_tid, 'user', session_user::text, 'action', 'anchor', 'command', 'anker',
                        'anchors', to_jsonb(poster[i:least(i + 1999, antal)])));
                    i := i + 2000;
                END LOOP;
                PERFORM set_config('unge.ankring', '', true);
                UPDATE unge.anker SET sidst = clock_timestamp(), fra = v_fra;
                RETURN antal;
            EXCEPTION WHEN OTHERS THEN
                -- (a serialization failure under REPEATABLE READ, say: the event itself is kept)
                RETURN 0;
            END $$;
            REVOKE ALL ON FUNCTION unge.forankr(text) FROM PUBLIC;

            CREATE FUNCTION unge.log_anker() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM unge.anker a WHERE clock_timestamp() - a.sidst >= a.hvert) THEN
                    PERFORM unge.forankr(NEW.haendelse->>'time');
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER log_anker AFTER INSERT ON unge.log FOR EACH ROW
                WHEN (NEW.kaede IS NOT NULL AND NEW.haendelse->>'action' IS DISTINCT FROM 'anchor')
                EXECUTE FUNCTION unge.log_anker();

            -- For `unge log --kontroller` (administrators): every chained row with its place, and the heads.
            CREATE FUNCTION unge.kontrol_log() RETURNS TABLE (nr bigint, kaede text, loebenr bigint, haendelse jsonb)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    RAISE EXCEPTION 'kun en administrator kan kontrollere hele revisionssporet' USING ERRCODE = '42501';
                END IF;
                RETURN QUERY SELECT l.nr, l.kaede, l.loebenr, l.haendelse FROM unge.log l
                    WHERE l.kilde = 'unge' OR l.program <> 'unge' ORDER BY l.nr;
            END $$;
            CREATE FUNCTION unge.kontrol_hoveder() RETURNS TABLE (kaede text, loebenr bigint, digest text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    RAISE EXCEPTION 'kun en administrator kan kontrollere hele revisionssporet' USING ERRCODE = '42501';
                END IF;
                RETURN QUERY SELECT c.kaede, c.loebenr, c.digest FROM unge.kaedehoved c ORDER BY c.kaede;
            END $$;
            GRANT EXECUTE ON FUNCTION unge.kontrol_log(), unge.kontrol_hoveder() TO unge_admin;
            """#

        /// A case moved in gets its statistics facts and items at once, as a save writes them, instead of
        /// at its next save (until then `unge statistik` had to fetch and count its whole document). Only
        /// inside an administrator's move (`unge.flytter()`), which may write a case it cannot otherwise
        /// write; derived data, not audited (as `unge.gem_statistik`).
        static let migrationFlytStatistik = #"""
            SET LOCAL ROLE unge_ejer;
            CREATE POLICY flytte ON unge.statistik TO unge_ejer USING (unge.flytter()) WITH CHECK (unge.flytter());
            CREATE POLICY flytte_oprette ON unge.statistik_post FOR INSERT TO unge_ejer WITH CHECK (unge.flytter());
            CREATE POLICY flytte_slette ON unge.statistik_post FOR DELETE TO unge_ejer USING (unge.flytter());
            CREATE FUNCTION unge.flyt_ind_statistik(p_sag text, p_revision int, p_fakta text, p_fra date, p_til date,
                                                    p_poster jsonb)
            RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, unge AS $$
            DECLARE n int;
            BEGIN
                IF NOT pg_has_role(session_user, 'unge_admin', 'MEMBER') THEN
                    PERFORM unge.skriv_log('database', p_sag, NULL, unge.haendelse('refused', p_sag, 'lager flyt'));
                    RETURN 'adgang';
                END IF;
                PERFORM set_config('unge.flytning', 'ind', true);
                IF NOT EXISTS (SELECT 1 FROM unge.sager s WHERE s.id = p_sag AND s.revision = p_revision) THEN
                    PERFORM set_config('unge.flytning', '', true);
                    RETURN 'forældet';
                END IF;
                INSERT INTO unge.statistik AS st VALUES (p_sag, p_revision, p_fakta, p_fra, p_til)
                    ON CONFLICT (sag) DO UPDATE SET revision = excluded.revision, fakta = excluded.fakta,
                        fra = excluded.fra, til = excluded.til
                    WHERE st.revision <= excluded.revision;
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n > 0 THEN
                    PERFORM set_config('unge.statistik', 'gem', true);
                    DELETE FROM unge.statistik_post WHERE sag = p_sag;
                    INSERT INTO unge.statistik_post (sag, art, dag, noegle, ekstra, anonym, start, slut, har_frist, opfyldt,
                            sen, efter, efter_dag, lukket)
                        SELECT p_sag, x.art, x.dag, x.noegle, x.ekstra, coalesce(x.anonym, false), x.start,
                               coalesce(x.slut, false), coalesce(x.har_frist, false), x.opfyldt, coalesce(x.sen, false),
                               x.efter, x.efter_dag, x.lukket
                        FROM jsonb_to_recordset(coalesce(p_poster, '[]'::jsonb)) AS x(art text, dag date, noegle text,
                            ekstra text, anonym bool, start date, slut bool, har_frist bool, opfyldt float8, sen bool,
                            efter float8, efter_dag date, lukket date);
                    PERFORM set_config('unge.statistik', '', true);
                END IF;
                PERFORM set_config('unge.flytning', '', true);
                RETURN CASE WHEN n > 0 THEN 'ok' ELSE 'forældet' END;
            END $$;
            REVOKE ALL ON FUNCTION unge.flyt_ind_statistik(text, int, text, date, date, jsonb) FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION unge.flyt_ind_statistik(text, int, text, date, date, jsonb) TO unge_admin;
            """#
    }
#endif
