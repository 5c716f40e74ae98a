using System.Diagnostics;
using System.Globalization;
using CongVu.Infrastructure.Text;
using Microsoft.Data.Sqlite;

namespace CongVu.Bench.Data;

/// <summary>
/// The import's baseline: the same rows (person, membership, one period per state) inserted with prepared raw
/// ADO.NET commands in one SQLite transaction, WAL with synchronous=FULL like the app, into tables with the
/// app's indexes. Nothing else: no parsing, no checks, no audit.
/// </summary>
public static class RawBulkInsert
{
    public static async Task<(int Rows, TimeSpan Elapsed)> RunAsync(string path, IReadOnlyList<RegistryRecord> rows)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var conn = new SqliteConnection(cs);
        await conn.OpenAsync();
        await Exec(conn, """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
            CREATE TABLE person (id INTEGER PRIMARY KEY, org_unit TEXT NOT NULL, full_name TEXT NOT NULL, search_name TEXT NOT NULL,
              birth_date TEXT, gender INTEGER NOT NULL, ethnicity TEXT, phone TEXT, address TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX ix_person_unit_name ON person (org_unit, search_name);
            CREATE INDEX ix_person_name ON person (search_name);
            CREATE TABLE membership (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id), org_unit TEXT NOT NULL,
              card_number TEXT, class INTEGER NOT NULL, status INTEGER NOT NULL, admitted_on TEXT NOT NULL, official_on TEXT, status_since TEXT, reason TEXT);
            CREATE UNIQUE INDEX ix_membership_card ON membership (card_number);
            CREATE UNIQUE INDEX ix_membership_person ON membership (person_id);
            CREATE INDEX ix_membership_unit_status ON membership (org_unit, status);
            CREATE TABLE period (id INTEGER PRIMARY KEY, membership_id INTEGER NOT NULL REFERENCES membership(id), org_unit TEXT NOT NULL,
              "from" TEXT NOT NULL, "to" TEXT, class INTEGER NOT NULL, status INTEGER NOT NULL, change INTEGER NOT NULL, reason TEXT, recorded_by TEXT, recorded_at TEXT NOT NULL);
            CREATE INDEX ix_period_unit ON period (org_unit, "from", "to");
            CREATE INDEX ix_period_membership ON period (membership_id, "from");
            """);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var sw = Stopwatch.StartNew();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        await using var person = Command(conn, tx, "INSERT INTO person (org_unit, full_name, search_name, birth_date, gender, ethnicity, phone, address, created_at, updated_at) VALUES ($u,$n,$s,$b,$g,$e,$p,$a,$t,$t) RETURNING id", "$u", "$n", "$s", "$b", "$g", "$e", "$p", "$a", "$t");
        await using var member = Command(conn, tx, "INSERT INTO membership (person_id, org_unit, card_number, class, status, admitted_on, official_on, status_since, reason) VALUES ($pid,$u,$c,$cl,$st,$ad,$of,$ss,$r) RETURNING id", "$pid", "$u", "$c", "$cl", "$st", "$ad", "$of", "$ss", "$r");
        await using var period = Command(conn, tx, "INSERT INTO period (membership_id, org_unit, \"from\", \"to\", class, status, change, reason, recorded_by, recorded_at) VALUES ($m,$u,$f,$to,$cl,$st,$ch,$r,'bench',$t)", "$m", "$u", "$f", "$to", "$cl", "$st", "$ch", "$r", "$t");
        foreach (var r in rows)
        {
            Set(person, r.CellCode, r.FullName, VietnameseText.Fold(r.FullName), Iso(r.BirthDate), r.Female ? 2 : 1, r.Ethnicity, r.Phone, r.Address, now);
            var personId = (long)(await person.ExecuteScalarAsync())!;
            Set(member, personId, r.CellCode, r.CardNumber, r.OfficialOn is null ? 1 : 2, r.Exempt ? 2 : 1, Iso(r.AdmittedOn), Iso(r.OfficialOn), Iso(r.ExemptSince ?? r.AdmittedOn), r.Reason);
            var memberId = (long)(await member.ExecuteScalarAsync())!;
            // The ledger's shape: probationary from admission, then official, then exempt, each closing the one before.
            var steps = new List<(DateOnly From, int Class, int Status, int Change)> { (r.AdmittedOn, 1, 1, 1) };
            if (r.OfficialOn is DateOnly o)
            {
                steps.Add((o, 2, 1, 2));
            }

            if (r.ExemptSince is DateOnly e)
            {
                steps.Add((e, 2, 2, 3));
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var s = steps[i];
                Set(period, memberId, r.CellCode, Iso(s.From), i + 1 < steps.Count ? Iso(steps[i + 1].From) : null, s.Class, s.Status, s.Change, s.Status == 2 ? r.Reason : null, now);
                await period.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        return (rows.Count, sw.Elapsed);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection conn, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names)
        {
            cmd.Parameters.Add(new SqliteParameter(n, null));
        }

        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Exec(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
