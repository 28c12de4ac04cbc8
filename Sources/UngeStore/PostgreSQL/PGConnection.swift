#if PostgreSQL
    import CLibPQ
    import Foundation

    /// An error the server reported: its SQLSTATE and primary message.
    struct PGError: Error {
        let sqlState: String
        let message: String
    }

    /// One libpq connection. Every statement is sent with bound parameters (`PQexecParams`), never
    /// by splicing text into SQL.
    final class PGConnection: @unchecked Sendable {
        private let conn: OpaquePointer
        private let lock = NSLock()
        /// The URI without password, for messages.
        let display: String

        /// Connects; the libpq environment (`PGHOST`, `PGUSER`, ...) fills in what the URI leaves out.
        init(uri: String, display: String) throws {
            guard let c = PQconnectdb(uri) else {
                throw StoreError.connection(location: display, reason: "der var ikke hukommelse nok")
            }
            guard PQstatus(c) == CONNECTION_OK else {
                let reason = String(cString: PQerrorMessage(c)).trimmingCharacters(in: .whitespacesAndNewlines)
                PQfinish(c)
                throw StoreError.connection(location: display, reason: reason)
            }
            conn = c
            self.display = display
            _ = try? query("SELECT set_config('application_name', 'unge', false)", [])
        }

        deinit { PQfinish(conn) }

        /// Runs one statement with text parameters; the rows as text (nil for NULL).
        func query(_ sql: String, _ params: [String?]) throws -> [[String?]] {
            lock.lock()
            defer { lock.unlock() }
            let copies: [UnsafeMutablePointer<CChar>?] = params.map { $0.flatMap { strdup($0) } }
            defer { for p in copies { free(p) } }
            let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
            let result: OpaquePointer? = pointers.withUnsafeBufferPointer { buffer in
                PQexecParams(conn, sql, Int32(pointers.count), nil, buffer.baseAddress, nil, nil, 0)
            }
            // From here on the statement may have reached the server: a broken connection is a lost one,
            // whose write may or may not have been committed (`connectionLost`, never "nothing changed").
            guard let result else {
                throw StoreError.connectionLost(
                    location: display,
                    reason: String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK {
                let n = PQntuples(result)
                let m = PQnfields(result)
                var rows: [[String?]] = []
                rows.reserveCapacity(Int(n))
                for i in 0..<n {
                    var row: [String?] = []
                    row.reserveCapacity(Int(m))
                    for j in 0..<m {
                        row.append(PQgetisnull(result, i, j) == 1 ? nil : String(cString: PQgetvalue(result, i, j)))
                    }
                    rows.append(row)
                }
                return rows
            }
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            let state = field("C") ?? ""
            let message = field("M") ?? String(cString: PQerrorMessage(conn))
            if PQstatus(conn) != CONNECTION_OK || state.hasPrefix("08") || state.hasPrefix("57P") {
                throw StoreError.connectionLost(location: display, reason: message)
            }
            throw PGError(sqlState: state, message: message)
        }

        /// Runs several statements as one script (migrations); no parameters.
        func execute(_ script: String) throws {
            lock.lock()
            defer { lock.unlock() }
            guard let result = PQexec(conn, script) else {
                throw StoreError.connectionLost(location: display, reason: String(cString: PQerrorMessage(conn)))
            }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
                let message =
                    PQresultErrorField(result, Int32(Character("M").asciiValue!)).map { String(cString: $0) }
                    ?? String(cString: PQerrorMessage(conn))
                let state =
                    PQresultErrorField(result, Int32(Character("C").asciiValue!)).map { String(cString: $0) } ?? ""
                throw PGError(sqlState: state, message: message)
            }
        }
    }
#endif
