using System.Diagnostics;
using System.Globalization;
using CongVu.Infrastructure.Text;
using Npgsql;
using NpgsqlTypes;

namespace CongVu.Bench.Data;

/// <summary>
/// National scale on PostgreSQL, written with binary COPY straight into the app's own tables (schema created by
/// the app's migrations first). Deterministic from a seed; F scales the number of communes (F=1: 3,321 communes in
/// 34 provinces under one central node). Each commune: 900–2,500 members in cells of 5–60 (about 15 % exempt),
/// five years (2021–2025) of rating years, pledges and published year-end ratings, 100–1,100 feedback items and
/// 100 one-stop dossiers a year, and one visitor row per day. Tables are loaded one after the other in foreign-key
/// order, each in one transaction, so every constraint and unique index is checked as the rows go in; the
/// commune model is rebuilt from the seed for each table instead of being kept in memory.
/// </summary>
public static class NationalGenerator
{
    public const int Years = 5;
    public const int FirstYear = 2021;
    public const string CentralCode = "trung-uong";
    private const string By = "bench-national";

    public sealed record TableLoad(string Table, long Rows, double Seconds)
    {
        public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
    }

    public sealed record Result(int Provinces, int Communes, long Cells, long Members, List<TableLoad> Tables, TimeSpan Elapsed)
    {
        public long TotalRows => Tables.Sum(t => t.Rows);
    }

    public static string FirstCommuneCode => Code(0);

    public static string FirstProvinceCommitteeCode => "dang-bo-tinh-01";

    public static string Code(int commune) => "qg-xa-" + (commune + 1).ToString("D4", CultureInfo.InvariantCulture);

    private sealed class Member
    {
        public int Cell;
        public DateOnly Admitted;
        public DateOnly Official;
        public DateOnly? ExemptSince;
        public DateOnly Birth;
        public bool Female;
    }

    private sealed class Commune
    {
        public int Index;
        public int Province;
        public int CommuneId;
        public int CommitteeId;
        public int[] CellIds = [];
        public List<Member> Members = [];
        public int FirstPersonId;
        public int FirstPeriodId;
        public int FirstRatingYearId;
        public int Feedback;
        public int FeedbackBase;
        public int DossierBase;
        public string Name = string.Empty;
    }

    private sealed class Ids
    {
        public int Unit, Person, Period, RatingYear, Pledge, Decision, Feedback, Dossier, Visit;
    }

    public static async Task<Result> RunAsync(string connectionString, double factor, int seed, bool dropIndexes, Action<string> log)
    {
        var communes = Math.Max(1, (int)Math.Round(3321 * factor));
        var provinces = Math.Min(34, communes);
        var sw = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var start = new Ids
        {
            Unit = await NextIdAsync(conn, "OrgUnits"),
            Person = await NextIdAsync(conn, "People"),
            Period = await NextIdAsync(conn, "MembershipPeriods"),
            RatingYear = await NextIdAsync(conn, "RatingYear"),
            Pledge = await NextIdAsync(conn, "Pledge"),
            Decision = await NextIdAsync(conn, "RatingDecision"),
            Feedback = await NextIdAsync(conn, "FeedbackItems"),
            Dossier = await NextIdAsync(conn, "Dossiers"),
            Visit = await NextIdAsync(conn, "PortalVisitDays"),
        };
        var membershipStart = await NextIdAsync(conn, "Memberships");
        var conduct = await ScalarAsync<int?>(conn, "SELECT min(\"Id\") FROM \"ConductCode\"")
            ?? throw new InvalidOperationException("no ConductCode row: the app's reference data was not seeded");
        var at = new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);
        var tables = new List<TableLoad>();

        // Units: central node, provinces (administrative roots, like tỉnh Vĩnh Long), province party committees under the central node.
        var centralId = start.Unit;
        int ProvinceId(int p) => start.Unit + 1 + p;
        int ProvinceCommitteeId(int p) => start.Unit + 1 + provinces + p;
        var firstCommuneUnit = start.Unit + 1 + 2 * provinces;

        IEnumerable<Commune> Walk()
        {
            var unit = firstCommuneUnit;
            var person = start.Person;
            var period = start.Period;
            var feedback = start.Feedback;
            var dossier = start.Dossier;
            for (var c = 0; c < communes; c++)
            {
                var rng = new Random(Mix(seed, c, 17));
                var m = new Commune
                {
                    Index = c,
                    Province = (int)((long)c * provinces / communes),
                    CommuneId = unit++,
                    CommitteeId = unit++,
                    Name = Names.Place(c + 300),
                    FirstPersonId = person,
                    FirstPeriodId = period,
                    FirstRatingYearId = start.RatingYear + c * Years,
                };
                var target = rng.Next(900, 2501);
                var cells = new List<int>();
                var today = new DateOnly(2026, 11, 25);
                while (m.Members.Count < target)
                {
                    var cell = cells.Count;
                    cells.Add(unit++);
                    var size = rng.Next(5, 61);
                    for (var k = 0; k < size; k++)
                    {
                        var birth = new DateOnly(1945, 1, 1).AddDays(rng.Next(0, 365 * 58));
                        var admitted = birth.AddYears(18).AddDays(rng.Next(0, 365 * 30));
                        if (admitted > today.AddYears(-1))
                        {
                            admitted = today.AddYears(-1).AddDays(-rng.Next(1, 2500));
                        }

                        var official = admitted.AddYears(1).AddDays(rng.Next(0, 60));
                        DateOnly? exempt = rng.NextDouble() < 0.15 && official < today.AddDays(-30)
                            ? official.AddDays(1 + rng.Next(0, today.DayNumber - official.DayNumber - 2))
                            : null;
                        m.Members.Add(new Member { Cell = cell, Birth = birth, Admitted = admitted, Official = official, ExemptSince = exempt, Female = rng.NextDouble() < 0.42 });
                        period += exempt is null ? 2 : 3;
                    }
                }

                m.CellIds = [.. cells];
                person += m.Members.Count;
                m.Feedback = rng.Next(100, 1105);
                m.FeedbackBase = feedback;
                feedback += m.Feedback * Years;
                m.DossierBase = dossier;
                dossier += 100 * Years;
                yield return m;
            }
        }

        async Task Copy(string table, string columns, Func<NpgsqlBinaryImporter, long> write)
        {
            var t = Stopwatch.StartNew();
            long rows;
            var secondary = new List<string>();
            if (dropIndexes)
            {
                // Non-unique secondary indexes only: primary keys and unique indexes keep checking the rows as they go in.
                await using var q = new NpgsqlCommand($"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = '\"{table}\"'::regclass AND NOT i.indisprimary AND NOT i.indisunique", conn);
                var names = new List<string>();
                await using (var r = await q.ExecuteReaderAsync())
                {
                    while (await r.ReadAsync())
                    {
                        names.Add(r.GetString(0));
                        secondary.Add(r.GetString(1));
                    }
                }

                foreach (var n in names)
                {
                    await ExecAsync(conn, $"DROP INDEX {n}");
                }
            }

            await using (var tx = await conn.BeginTransactionAsync())
            {
                await using (var w = await conn.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)"))
                {
                    rows = write(w);
                    await w.CompleteAsync();
                }

                await tx.CommitAsync();
            }

            foreach (var def in secondary)
            {
                await ExecAsync(conn, def);
            }

            var load = new TableLoad(table, rows, t.Elapsed.TotalSeconds);
            tables.Add(load);
            log(string.Create(CultureInfo.InvariantCulture, $"  {table}: {rows:N0} rows in {load.Seconds:0.0} s = {load.RowsPerSecond:N0} rows/s{(secondary.Count > 0 ? $" ({secondary.Count} secondary indexes dropped and rebuilt, included)" : string.Empty)}"));
        }

        // Valid since before the five years of data, so every year 2021–2025 has its figures.
        var validFrom = new DateOnly(2020, 1, 1);
        long cellCount = 0, memberCount = 0;
        await Copy("OrgUnits", Cols("Id", "ParentId", "Kind", "Code", "Name", "ShortName", "AdminUnitId", "ValidFrom", "ValidTo", "SortOrder", "Path", "SearchName"), w =>
        {
            long n = 0;
            void Unit(int id, int? parent, int kind, string code, string name, int? admin, int order, string path)
            {
                w.StartRow();
                w.Write(id, NpgsqlDbType.Integer);
                Put(w, parent);
                w.Write(kind, NpgsqlDbType.Integer);
                w.Write(code, NpgsqlDbType.Varchar);
                w.Write(name, NpgsqlDbType.Varchar);
                w.WriteNull();
                Put(w, admin);
                w.Write(validFrom, NpgsqlDbType.Date);
                w.WriteNull();
                w.Write(order, NpgsqlDbType.Integer);
                w.Write(path, NpgsqlDbType.Varchar);
                w.Write(VietnameseText.Fold(name), NpgsqlDbType.Varchar);
                n++;
            }

            // OrgUnitKind: Province 1, Commune 3, ProvincialPartyCommittee 11, CommunePartyCommittee 13, PartyCell 14.
            var central = $"/{centralId}/";
            Unit(centralId, null, 11, CentralCode, "Ban Chấp hành Trung ương (nút trung ương, dữ liệu thử)", null, 0, central);
            for (var p = 0; p < provinces; p++)
            {
                var name = "Tỉnh " + Names.Place(p + 40);
                Unit(ProvinceId(p), null, 1, "tinh-" + (p + 1).ToString("D2", CultureInfo.InvariantCulture), name, null, p + 1, $"/{ProvinceId(p)}/");
            }

            for (var p = 0; p < provinces; p++)
            {
                Unit(ProvinceCommitteeId(p), centralId, 11, "dang-bo-tinh-" + (p + 1).ToString("D2", CultureInfo.InvariantCulture), "Đảng bộ tỉnh " + Names.Place(p + 40), ProvinceId(p), p + 1, $"{central}{ProvinceCommitteeId(p)}/");
            }

            foreach (var m in Walk())
            {
                var code = Code(m.Index);
                Unit(m.CommuneId, ProvinceId(m.Province), 3, code, "Xã " + m.Name, null, m.Index + 1, $"/{ProvinceId(m.Province)}/{m.CommuneId}/");
                var committeePath = $"{central}{ProvinceCommitteeId(m.Province)}/{m.CommitteeId}/";
                Unit(m.CommitteeId, ProvinceCommitteeId(m.Province), 13, "dang-bo-" + code, "Đảng bộ xã " + m.Name, m.CommuneId, m.Index + 1, committeePath);
                for (var k = 0; k < m.CellIds.Length; k++)
                {
                    var cellName = k < m.CellIds.Length - 3 ? $"Chi bộ ấp {Names.Place(k + 7 * m.Index)} {k + 1}" : $"Chi bộ cơ quan {k + 1}";
                    Unit(m.CellIds[k], m.CommitteeId, 14, $"{code}-cb-{k + 1:D3}", cellName, null, k + 1, $"{committeePath}{m.CellIds[k]}/");
                }

                cellCount += m.CellIds.Length;
                memberCount += m.Members.Count;
            }

            return n;
        });

        await Copy("People", Cols("Id", "OrgUnitId", "FullName", "SearchName", "BirthDate", "Gender", "Ethnicity", "Phone", "Address", "CreatedAt", "UpdatedAt"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                var names = new Random(Mix(seed, m.Index, 29));
                var address = $"Xã {m.Name}, Tỉnh {Names.Place(m.Province + 40)}";
                for (var i = 0; i < m.Members.Count; i++)
                {
                    var x = m.Members[i];
                    var (full, _) = Names.Person(names);
                    w.StartRow();
                    w.Write(m.FirstPersonId + i, NpgsqlDbType.Integer);
                    w.Write(m.CellIds[x.Cell], NpgsqlDbType.Integer);
                    w.Write(full, NpgsqlDbType.Varchar);
                    w.Write(VietnameseText.Fold(full), NpgsqlDbType.Varchar);
                    w.Write(x.Birth, NpgsqlDbType.Date);
                    w.Write(x.Female ? 2 : 1, NpgsqlDbType.Integer);
                    w.Write(Names.Ethnicity(names), NpgsqlDbType.Varchar);
                    w.Write("09" + names.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    w.Write(address, NpgsqlDbType.Varchar);
                    w.Write(at, NpgsqlDbType.TimestampTz);
                    w.Write(at, NpgsqlDbType.TimestampTz);
                    n++;
                }
            }

            return n;
        });

        await Copy("Memberships", Cols("Id", "PersonId", "OrgUnitId", "CardNumber", "Class", "Status", "AdmittedOn", "OfficialOn", "StatusSince", "StatusReason"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                for (var i = 0; i < m.Members.Count; i++)
                {
                    var x = m.Members[i];
                    var personId = m.FirstPersonId + i;
                    w.StartRow();
                    w.Write(membershipStart + (personId - start.Person), NpgsqlDbType.Integer);
                    w.Write(personId, NpgsqlDbType.Integer);
                    w.Write(m.CellIds[x.Cell], NpgsqlDbType.Integer);
                    w.Write("QG" + (personId - start.Person + 1).ToString("D10", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    w.Write(2, NpgsqlDbType.Integer);
                    w.Write(x.ExemptSince is null ? 1 : 2, NpgsqlDbType.Integer);
                    w.Write(x.Admitted, NpgsqlDbType.Date);
                    w.Write(x.Official, NpgsqlDbType.Date);
                    w.Write(x.ExemptSince ?? x.Official, NpgsqlDbType.Date);
                    Put(w, x.ExemptSince is null ? null : "Tuổi cao, sức yếu");
                    n++;
                }
            }

            return n;
        });

        await Copy("MembershipPeriods", Cols("Id", "MembershipId", "OrgUnitId", "From", "To", "Class", "Status", "Change", "Reason", "RecordedBy", "RecordedAt"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                var id = m.FirstPeriodId;
                for (var i = 0; i < m.Members.Count; i++)
                {
                    var x = m.Members[i];
                    var membershipId = membershipStart + (m.FirstPersonId + i - start.Person);
                    var cell = m.CellIds[x.Cell];
                    // The ledger's shape (ImportedMembership): probationary from admission, official, then exempt; each closes the one before.
                    void Period(DateOnly from, DateOnly? to, int cls, int status, int change, string? reason)
                    {
                        w.StartRow();
                        w.Write(id++, NpgsqlDbType.Integer);
                        w.Write(membershipId, NpgsqlDbType.Integer);
                        w.Write(cell, NpgsqlDbType.Integer);
                        w.Write(from, NpgsqlDbType.Date);
                        Put(w, to);
                        w.Write(cls, NpgsqlDbType.Integer);
                        w.Write(status, NpgsqlDbType.Integer);
                        w.Write(change, NpgsqlDbType.Integer);
                        Put(w, reason);
                        w.Write(By, NpgsqlDbType.Varchar);
                        w.Write(at, NpgsqlDbType.TimestampTz);
                        n++;
                    }

                    Period(x.Admitted, x.Official, 1, 1, 1, null);
                    Period(x.Official, x.ExemptSince, 2, 1, 2, null);
                    if (x.ExemptSince is DateOnly e)
                    {
                        Period(e, null, 2, 2, 3, "Tuổi cao, sức yếu");
                    }
                }
            }

            return n;
        });

        await Copy("RatingYear", Cols("Id", "CommitteeId", "Year", "RuleSet", "RuleSetVersion", "ConductCodeId", "PledgeDeadline", "ReviewDeadline", "ExtensionDeadline", "State", "CreatedAt", "CreatedBy", "PublishedAt"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                for (var y = 0; y < Years; y++)
                {
                    var year = FirstYear + y;
                    // QĐ 132-QĐ/TW until the 2022 rating, QĐ 124-QĐ/TW from 2023 (RuleSet 132 / 124).
                    var rules = year <= 2022 ? 132 : 124;
                    w.StartRow();
                    w.Write(m.FirstRatingYearId + y, NpgsqlDbType.Integer);
                    w.Write(m.CommitteeId, NpgsqlDbType.Integer);
                    w.Write(year, NpgsqlDbType.Integer);
                    w.Write(rules, NpgsqlDbType.Integer);
                    w.Write(rules == 132 ? "132-QĐ/TW ngày 08/3/2018" : "124-QĐ/TW ngày 03/10/2023", NpgsqlDbType.Varchar);
                    w.Write(conduct, NpgsqlDbType.Integer);
                    w.Write(new DateOnly(year, 3, 31), NpgsqlDbType.Date);
                    w.Write(new DateOnly(year, 12, 31), NpgsqlDbType.Date);
                    w.WriteNull();
                    // YearState: Published 3, Closed 4.
                    w.Write(year <= 2023 ? 4 : 3, NpgsqlDbType.Integer);
                    w.Write(Utc(year, 1, 15), NpgsqlDbType.TimestampTz);
                    w.Write(By, NpgsqlDbType.Varchar);
                    w.Write(Utc(year + 1, 1, 20), NpgsqlDbType.TimestampTz);
                    n++;
                }
            }

            return n;
        });

        // Members rated and pledging in a year: official before the year began; exempt members neither pledge nor are rated.
        static bool InYear(Member x, int year) => x.Admitted < new DateOnly(year, 1, 1) && (x.ExemptSince is null || x.ExemptSince > new DateOnly(year, 12, 31));

        await Copy("Pledge", Cols("Id", "RatingYearId", "OrgUnitId", "PersonId", "State", "FollowUncleHo", "Model", "SubmittedAt", "EnteredOnBehalfBy", "AcknowledgedAt", "AcknowledgedBy", "ReturnComment", "ReportedAt", "UpdatedAt"), w =>
        {
            long n = 0;
            var id = start.Pledge;
            foreach (var m in Walk())
            {
                var rng = new Random(Mix(seed, m.Index, 41));
                for (var y = 0; y < Years; y++)
                {
                    var year = FirstYear + y;
                    for (var i = 0; i < m.Members.Count; i++)
                    {
                        var x = m.Members[i];
                        var roll = rng.NextDouble();
                        if (!InYear(x, year) || roll < 0.04)
                        {
                            continue;
                        }

                        // PledgeState: Draft 1, Submitted 2, Acknowledged 3.
                        var state = roll < 0.06 ? 1 : roll < 0.12 ? 2 : 3;
                        var submitted = Utc(year, 2, 1 + (int)(roll * 27));
                        w.StartRow();
                        w.Write(id++, NpgsqlDbType.Integer);
                        w.Write(m.FirstRatingYearId + y, NpgsqlDbType.Integer);
                        w.Write(m.CellIds[x.Cell], NpgsqlDbType.Integer);
                        w.Write(m.FirstPersonId + i, NpgsqlDbType.Integer);
                        w.Write(state, NpgsqlDbType.Integer);
                        w.Write(Commitments[(i + y) % Commitments.Length], NpgsqlDbType.Varchar);
                        w.WriteNull();
                        Put(w, state >= 2 ? submitted : null);
                        w.WriteNull();
                        Put(w, state == 3 ? submitted.AddDays(10) : null);
                        Put(w, state == 3 ? "bithu." + Code(m.Index) : null);
                        w.WriteNull();
                        w.WriteNull();
                        w.Write(state == 3 ? submitted.AddDays(10) : submitted, NpgsqlDbType.TimestampTz);
                        n++;
                    }
                }
            }

            return n;
        });

        await Copy("RatingDecision", Cols("Id", "RatingYearId", "OrgUnitId", "PersonId", "MemberReviewId", "Level", "DecidedLevel", "State", "IsCurrent", "Score", "DonePercent", "ExceededPercent", "OnTimePercent", "Explanation", "Mitigation", "DegradationConcluded", "PriorShortcomingsRemedied", "ReRatingBasis", "SupersedesId", "DecidedAt", "DecidedBy"), w =>
        {
            long n = 0;
            var id = start.Decision;
            foreach (var m in Walk())
            {
                var rng = new Random(Mix(seed, m.Index, 53));
                for (var y = 0; y < Years; y++)
                {
                    var year = FirstYear + y;
                    for (var i = 0; i < m.Members.Count; i++)
                    {
                        var x = m.Members[i];
                        if (!InYear(x, year))
                        {
                            continue;
                        }

                        // RatingLevel: NotCompleted 1, Completed 2, Good 3, Excellent 4; about 12 / 70 / 16 / 2 %.
                        var roll = rng.NextDouble();
                        var level = roll < 0.12 ? 4 : roll < 0.82 ? 3 : roll < 0.98 ? 2 : 1;
                        var score = level switch { 4 => 92m, 3 => 80m, 2 => 65m, _ => 45m };
                        w.StartRow();
                        w.Write(id++, NpgsqlDbType.Integer);
                        w.Write(m.FirstRatingYearId + y, NpgsqlDbType.Integer);
                        w.Write(m.CellIds[x.Cell], NpgsqlDbType.Integer);
                        w.Write(m.FirstPersonId + i, NpgsqlDbType.Integer);
                        w.WriteNull();
                        w.Write(level, NpgsqlDbType.Integer);
                        w.WriteNull();
                        w.Write(3, NpgsqlDbType.Integer);
                        w.Write(true, NpgsqlDbType.Boolean);
                        w.Write(score, NpgsqlDbType.Numeric);
                        w.Write(level >= 2 ? 100m : 70m, NpgsqlDbType.Numeric);
                        w.Write(level == 4 ? 20m : 0m, NpgsqlDbType.Numeric);
                        w.Write(level >= 3 ? 100m : 85m, NpgsqlDbType.Numeric);
                        w.Write("Đảng ủy xã quyết định theo đề nghị của chi bộ.", NpgsqlDbType.Varchar);
                        w.WriteNull();
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.WriteNull();
                        w.WriteNull();
                        w.Write(Utc(year, 12, 20), NpgsqlDbType.TimestampTz);
                        w.Write("danguy." + Code(m.Index), NpgsqlDbType.Varchar);
                        n++;
                    }
                }
            }

            return n;
        });

        var today = new DateOnly(2026, 11, 25);
        await Copy("FeedbackItems", Cols("Id", "TrackingCode", "Kind", "Channel", "CommuneId", "OrgUnitId", "SubjectKind", "SubjectPersonId", "SubjectText", "Text", "Anonymity", "ContactNameProtected", "ContactPhoneProtected", "ContactEmailProtected", "ContactConsent", "ReceivedAt", "ReceivedOn", "ConsultsOthers", "DeadlineWorkingDays", "DueOn", "Status", "Outcome", "AnswerText", "ReferredTo", "EvidenceText", "AnsweredAt", "AnsweredOn", "AnsweredBy", "Apologised", "Thanked", "ConductCodes", "ReopenCount", "ReopenReason", "Hidden", "HiddenReason"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                var rng = new Random(Mix(seed, m.Index, 67));
                var id = m.FeedbackBase;
                for (var y = 0; y < Years; y++)
                {
                    var year = FirstYear + y;
                    var days = DateTime.IsLeapYear(year) ? 366 : 365;
                    for (var k = 0; k < m.Feedback; k++)
                    {
                        var received = new DateOnly(year, 1, 1).AddDays(rng.Next(days));
                        var kind = 1 + rng.Next(6);
                        var workingDays = kind >= 5 ? 30 : 10;
                        var due = received.AddDays(workingDays * 7 / 5);
                        var late = rng.NextDouble() < 0.12;
                        var answeredOn = received.AddDays(late ? workingDays * 7 / 5 + rng.Next(1, 20) : rng.Next(1, workingDays * 7 / 5 + 1));
                        // FeedbackStatus: Received 1, InProgress 2, Answered 3; the last weeks' items are still open.
                        var answered = answeredOn < today && rng.NextDouble() < 0.97;
                        var receivedAt = new DateTime(received, new TimeOnly(1 + rng.Next(10), rng.Next(60)), DateTimeKind.Utc);
                        w.StartRow();
                        w.Write(id, NpgsqlDbType.Integer);
                        w.Write(Tracking(id - start.Feedback), NpgsqlDbType.Varchar);
                        w.Write(kind, NpgsqlDbType.Integer);
                        w.Write(1 + rng.Next(4), NpgsqlDbType.Integer);
                        w.Write(m.CommuneId, NpgsqlDbType.Integer);
                        w.Write(m.CommuneId, NpgsqlDbType.Integer);
                        w.Write(0, NpgsqlDbType.Integer);
                        w.WriteNull();
                        w.WriteNull();
                        w.Write(FeedbackTexts[rng.Next(FeedbackTexts.Length)], NpgsqlDbType.Varchar);
                        w.Write(1, NpgsqlDbType.Integer);
                        w.WriteNull();
                        w.WriteNull();
                        w.WriteNull();
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.Write(receivedAt, NpgsqlDbType.TimestampTz);
                        w.Write(received, NpgsqlDbType.Date);
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.Write(workingDays, NpgsqlDbType.Integer);
                        w.Write(due, NpgsqlDbType.Date);
                        w.Write(answered ? 3 : 2, NpgsqlDbType.Integer);
                        Put(w, answered ? 1 + rng.Next(4) : null);
                        Put(w, answered ? "Ủy ban nhân dân xã đã tiếp nhận, kiểm tra và trả lời." : null);
                        w.WriteNull();
                        w.WriteNull();
                        Put(w, answered ? new DateTime(answeredOn, new TimeOnly(3, 0), DateTimeKind.Utc) : null);
                        Put(w, answered ? answeredOn : null);
                        Put(w, answered ? "vanphong." + Code(m.Index) : null);
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.WriteNull();
                        w.Write(0, NpgsqlDbType.Integer);
                        w.WriteNull();
                        w.Write(false, NpgsqlDbType.Boolean);
                        w.WriteNull();
                        id++;
                        n++;
                    }
                }
            }

            return n;
        });

        await Copy("Dossiers", Cols("Id", "OrgUnitId", "Code", "Procedure", "ReceivedOn", "DueOn", "ReturnedOn", "Official", "ImportedAt", "OriginalDueOn", "DelayReason", "DueResetAt", "ApologyNumber"), w =>
        {
            long n = 0;
            foreach (var m in Walk())
            {
                var rng = new Random(Mix(seed, m.Index, 79));
                var id = m.DossierBase;
                for (var y = 0; y < Years; y++)
                {
                    var year = FirstYear + y;
                    for (var k = 0; k < 100; k++)
                    {
                        var received = new DateOnly(year, 1, 1).AddDays(rng.Next(360));
                        var due = received.AddDays(3 + rng.Next(12));
                        var returned = rng.NextDouble() < 0.9 ? due.AddDays(-rng.Next(0, 3)) : due.AddDays(rng.Next(1, 15));
                        w.StartRow();
                        w.Write(id++, NpgsqlDbType.Integer);
                        w.Write(m.CommuneId, NpgsqlDbType.Integer);
                        w.Write($"H{m.Index + 1:D4}-{year}-{k + 1:D5}", NpgsqlDbType.Varchar);
                        w.Write(Procedures[rng.Next(Procedures.Length)], NpgsqlDbType.Varchar);
                        w.Write(received, NpgsqlDbType.Date);
                        w.Write(due, NpgsqlDbType.Date);
                        w.Write(returned, NpgsqlDbType.Date);
                        w.WriteNull();
                        w.Write(Utc(year + 1, 1, 5), NpgsqlDbType.TimestampTz);
                        w.WriteNull();
                        w.WriteNull();
                        w.WriteNull();
                        w.WriteNull();
                        n++;
                    }
                }
            }

            return n;
        });

        // The portal keeps visits as daily aggregates per commune (PortalVisitDay): one row per commune and day.
        await Copy("PortalVisitDays", Cols("Id", "Commune", "Day", "Views", "Visits"), w =>
        {
            long n = 0;
            var id = start.Visit;
            var first = new DateOnly(FirstYear, 1, 1);
            var last = new DateOnly(FirstYear + Years - 1, 12, 31);
            for (var c = 0; c < communes; c++)
            {
                var rng = new Random(Mix(seed, c, 83));
                var code = Code(c);
                for (var d = first; d <= last; d = d.AddDays(1))
                {
                    var views = rng.Next(20, 400);
                    w.StartRow();
                    w.Write(id++, NpgsqlDbType.Integer);
                    w.Write(code, NpgsqlDbType.Varchar);
                    w.Write(d, NpgsqlDbType.Date);
                    w.Write((long)views, NpgsqlDbType.Bigint);
                    w.Write((long)(views * (0.3 + rng.NextDouble() * 0.2)), NpgsqlDbType.Bigint);
                    n++;
                }
            }

            return n;
        });

        // Identity columns continue after the loaded rows, so the app can insert afterwards.
        foreach (var table in new[] { "OrgUnits", "People", "Memberships", "MembershipPeriods", "RatingYear", "Pledge", "RatingDecision", "FeedbackItems", "Dossiers", "PortalVisitDays" })
        {
            await ExecAsync(conn, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT coalesce(max(\"Id\"), 1) FROM \"{table}\"))");
        }

        var a = Stopwatch.StartNew();
        await ExecAsync(conn, "ANALYZE");
        log($"  ANALYZE {a.Elapsed.TotalSeconds:0.0} s");
        return new Result(provinces, communes, cellCount, memberCount, tables, sw.Elapsed);
    }

    private static readonly string[] Commitments =
    [
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; gương mẫu nơi cư trú.",
        "Tham gia xây dựng nông thôn mới, vận động gia đình giữ vệ sinh môi trường.",
        "Hoàn thành tốt nhiệm vụ được giao; tham gia đầy đủ sinh hoạt chi bộ.",
        "Giữ gìn đoàn kết, thực hành tiết kiệm, chống lãng phí.",
    ];

    private static readonly string[] FeedbackTexts =
    [
        "Đường liên ấp bị sạt lở, đề nghị xã sửa chữa sớm.",
        "Đèn đường ở tổ 3 không sáng đã hai tuần.",
        "Đề nghị hướng dẫn thủ tục chứng thực giấy tờ.",
        "Khen cán bộ một cửa tiếp dân nhiệt tình, chu đáo.",
        "Rác thải để lâu không được thu gom tại chợ.",
        "Góp ý về kế hoạch nạo vét kênh thủy lợi.",
    ];

    private static readonly string[] Procedures =
    [
        "Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn", "Xác nhận tình trạng hôn nhân", "Đăng ký khai tử",
    ];

    // HashCode.Combine is seeded per process: a plain mix keeps every run identical.
    private static int Mix(int seed, int commune, int salt) => unchecked((seed * 1_000_003) ^ (commune * 7_919 + salt * 104_729));

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>A unique 10-character code from a counter: multiplying by a unit modulo 31^10 is a bijection, so codes never repeat.</summary>
    private static string Tracking(long n)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        var modulus = 1L;
        for (var i = 0; i < 10; i++)
        {
            modulus *= 31;
        }

        var v = (long)((UInt128)(ulong)(n + 1) * 387_420_489UL % (ulong)modulus);
        Span<char> s = stackalloc char[10];
        for (var i = 9; i >= 0; i--)
        {
            s[i] = alphabet[(int)(v % 31)];
            v /= 31;
        }

        return new string(s);
    }

    private static string Cols(params string[] names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static void Put(NpgsqlBinaryImporter w, int? v)
    {
        if (v is int x)
        {
            w.Write(x, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Put(NpgsqlBinaryImporter w, string? v)
    {
        if (v is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(v, NpgsqlDbType.Varchar);
        }
    }

    private static void Put(NpgsqlBinaryImporter w, DateOnly? v)
    {
        if (v is DateOnly x)
        {
            w.Write(x, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Put(NpgsqlBinaryImporter w, DateTime? v)
    {
        if (v is DateTime x)
        {
            w.Write(x, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }


    private static async Task<int> NextIdAsync(NpgsqlConnection conn, string table) =>
        (await ScalarAsync<int?>(conn, $"SELECT max(\"Id\") FROM \"{table}\"") ?? 0) + 1;

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        var v = await cmd.ExecuteScalarAsync();
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
