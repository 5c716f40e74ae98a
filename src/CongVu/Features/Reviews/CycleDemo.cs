using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Pledges;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>
/// Demo cycles, deterministic and idempotent: 2020 (QĐ 132, 100% pledges, as the seed article says) and
/// 2024 (QĐ 124) under Đảng bộ xã Hiếu Trung; 2025 (QĐ 366) under Đảng bộ xã Tiểu Cần, which on 31/12/2025
/// holds the merged commune's members; 2026 open under Tiểu Cần with some pledges missing.
/// </summary>
public static class CycleDemo
{
    private static readonly string[] Commitments =
    [
        "Tiếp dân, trả hồ sơ đúng hẹn; không để người dân phải đi lại nhiều lần",
        "Vui vẻ, tận tình khi giao tiếp; cảm ơn khi nhân dân góp ý",
        "Tham gia vận động nhân dân hiến đất làm đường giao thông nông thôn",
        "Nêu gương, không đùn đẩy trách nhiệm trong công việc được giao",
    ];

    private static readonly string[] CriterionCodes = ["3D-2", "3N-3", "3C-1", "3CH-3"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var tree = services.GetRequiredService<OrgTree>();
        var time = services.GetRequiredService<TimeProvider>();
        var snap = await tree.GetAsync(ct);
        var oldCommittee = snap.FindByCode(DemoPlanBuilder.OldCommitteeCode);
        var newCommittee = snap.FindByCode(DemoPlanBuilder.NewCommitteeCode);
        if (oldCommittee is null || newCommittee is null || await db.Set<RatingYear>().AnyAsync(y => y.CommitteeId == oldCommittee.Id, ct))
        {
            return;
        }

        var started = time.GetTimestamp();
        var code = await db.Set<ConductCode>().Include(c => c.Groups).ThenInclude(g => g.Criteria).AsSplitQuery().FirstAsync(c => c.Code == ConductSeed.HieuTrungCode, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var accountPeople = (await db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync(ct)).ToHashSet();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var plan = new[]
        {
            (Committee: oldCommittee.Id, Year: 2020, Rule: RuleSet.Qd132, State: YearState.Published),
            (Committee: oldCommittee.Id, Year: 2024, Rule: RuleSet.Qd124, State: YearState.Published),
            (Committee: newCommittee.Id, Year: 2025, Rule: RuleSet.Qd366, State: YearState.Published),
            (Committee: newCommittee.Id, Year: 2026, Rule: RuleSet.Qd366, State: YearState.Open),
        };
        var years = new List<RatingYear>();
        foreach (var p in plan)
        {
            var y = YearFactory.Create(p.Committee, p.Year, p.Rule, code, new DateOnly(p.Year, 3, 31), new DateOnly(p.Year, 12, 31), new DateOnly(p.Year + 1, 1, 15), now, "demo");
            y.State = p.State;
            y.PublishedAt = p.State == YearState.Published ? new DateTime(p.Year + 1, 1, 10, 2, 0, 0, DateTimeKind.Utc) : null;
            db.Add(y);
            years.Add(y);
        }

        await db.SaveChangesAsync(ct);

        var totals = new List<object>();
        foreach (var y in years)
        {
            var roll = await YearRoll.LoadAsync(db, snap, y, new DateOnly(y.Year, 12, 31), ignoreScope: true, ct);
            var submittedAt = new DateTime(y.Year, 3, 15, 2, 0, 0, DateTimeKind.Utc);
            var open = y.State == YearState.Open;
            var pledged = 0;
            foreach (var m in roll.Where(r => r.MustPledge))
            {
                // 2026 is in progress: about a third have not pledged yet, and the demo accounts start with a blank pledge.
                if (open && (m.PersonId % 3 == 0 || accountPeople.Contains(m.PersonId)))
                {
                    continue;
                }

                var k = m.PersonId % Commitments.Length;
                var pledge = new Pledge
                {
                    RatingYearId = y.Id,
                    OrgUnitId = m.CellId,
                    PersonId = m.PersonId,
                    State = open && m.PersonId % 2 == 0 ? PledgeState.Submitted : PledgeState.Acknowledged,
                    FollowUncleHo = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh về tinh thần trách nhiệm, phục vụ nhân dân",
                    Model = "Nâng cao tinh thần trách nhiệm trong thực thi đạo đức công vụ, tác phong làm việc nơi công sở",
                    SubmittedAt = submittedAt,
                    AcknowledgedAt = open && m.PersonId % 2 == 0 ? null : submittedAt.AddDays(7),
                    AcknowledgedBy = open && m.PersonId % 2 == 0 ? null : "bí thư chi bộ",
                    EnteredOnBehalfBy = m.PersonId % 17 == 0 ? "vanphong.tieucan" : null,
                    ReportedAt = open ? null : new DateTime(y.Year, 12, 5, 2, 0, 0, DateTimeKind.Utc),
                    UpdatedAt = submittedAt,
                };
                pledge.Items.Add(new PledgeItem { CriterionCode = CriterionCodes[k], Commitment = Commitments[k], SortOrder = 1, Outcome = open ? PledgeOutcome.NotReported : (m.PersonId % 13 == 0 ? PledgeOutcome.Partly : PledgeOutcome.Kept) });
                db.Add(pledge);
                pledged++;
            }

            foreach (var cell in roll.Select(r => r.CellId).Distinct())
            {
                if (open && cell % 2 == 1)
                {
                    continue;
                }

                var collective = new Pledge
                {
                    RatingYearId = y.Id,
                    OrgUnitId = cell,
                    State = PledgeState.Acknowledged,
                    FollowUncleHo = "Chi bộ đăng ký xây dựng, duy trì mô hình làm theo Bác; 100% đảng viên đăng ký cam kết",
                    Model = "Mô hình làm theo Bác của chi bộ",
                    SubmittedAt = submittedAt,
                    AcknowledgedAt = submittedAt.AddDays(10),
                    AcknowledgedBy = "Đảng ủy xã",
                    UpdatedAt = submittedAt,
                };
                collective.Items.Add(new PledgeItem { CriterionCode = "3C-3", Commitment = "Vận động nhân dân cùng thực hiện các phong trào ở địa phương", SortOrder = 1, Outcome = open ? PledgeOutcome.NotReported : PledgeOutcome.Kept });
                db.Add(collective);
            }

            if (!open)
            {
                SeedDecisions(db, y, roll.Where(r => r.IsRated).ToList());
                var decided = new DateTime(y.Year, 12, 28, 2, 0, 0, DateTimeKind.Utc);
                var old = y.RuleSet != RuleSet.Qd366;
                foreach (var cell in roll.Select(r => r.CellId).Distinct())
                {
                    db.Add(new OrgRating { RatingYearId = y.Id, OrgUnitId = cell, Level = RatingLevel.Good, HistoricalLabel = old ? "Trong sạch vững mạnh" : null, DecidedAt = decided, DecidedBy = "Ban Thường vụ Đảng ủy" });
                }

                // Seed article: 2016–2020 the commune party organisation was "trong sạch vững mạnh" and excellently completed its tasks.
                db.Add(new OrgRating { RatingYearId = y.Id, OrgUnitId = y.CommitteeId, Level = y.Year == 2020 ? RatingLevel.Excellent : RatingLevel.Good, HistoricalLabel = old ? "Trong sạch vững mạnh" : null, DecidedAt = decided, DecidedBy = "cấp ủy cấp trên" });
            }

            totals.Add(new { y.Year, Roll = roll.Count, Pledged = pledged });
        }

        services.GetRequiredService<AuditLog>().Record("demo.seed", "rating-year", null, newCommittee.Id, after: new { Years = totals });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CycleDemo)).LogInformation("Demo cycles seeded in {Elapsed} ms", (int)time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Levels per cell: mostly Tốt, a few HT, and Xuất sắc trimmed to the quota (QĐ 366-QĐ/TW: ≤ 20% of Tốt).</summary>
    private static void SeedDecisions(AppDbContext db, RatingYear y, List<RollMember> rated)
    {
        var decidedAt = new DateTime(y.Year, 12, 20, 2, 0, 0, DateTimeKind.Utc);
        foreach (var cell in rated.GroupBy(r => r.CellId))
        {
            var members = cell.OrderBy(r => r.PersonId).ToList();
            var levels = members.Select(m => ((m.PersonId + y.Year) % 10) switch
            {
                0 or 5 => RatingLevel.Excellent,
                7 => RatingLevel.Completed,
                _ => RatingLevel.Good,
            }).ToArray();
            for (var i = 0; i < levels.Length && levels.Count(l => l == RatingLevel.Excellent) > QuotaCheck.Maximum(levels.Count(l => l == RatingLevel.Good), false); i++)
            {
                if (levels[i] == RatingLevel.Excellent)
                {
                    levels[i] = RatingLevel.Good;
                }
            }

            for (var i = 0; i < members.Count; i++)
            {
                var level = levels[i];
                var (score, onTime, exceeded) = level switch
                {
                    RatingLevel.Excellent => (92m, 100m, 40m),
                    RatingLevel.Good => (80m, 100m, 10m),
                    _ => (62m, 90m, 0m),
                };
                var input = new RatingInput(y.RuleSet, score, 100m, onTime, exceeded, true, DecidedLevel: level);
                var result = RatingEngine.Rate(input);
                var review = new MemberReview
                {
                    RatingYearId = y.Id,
                    PersonId = members[i].PersonId,
                    OrgUnitId = members[i].CellId,
                    State = ReviewState.Appraised,
                    SelfLevel = level,
                    SelfSubmittedAt = decidedAt.AddDays(-15),
                    CellLevel = level,
                    CellComment = "Chi bộ thống nhất với mức tự xếp loại.",
                    CellAppraisedAt = decidedAt.AddDays(-8),
                    CellAppraisedBy = "bí thư chi bộ",
                };
                // Older, qualitative years keep only the decision; 2025 also keeps the self-assessment and appraisal.
                if (y.RuleSet == RuleSet.Qd366)
                {
                    db.Add(review);
                }

                db.Add(new RatingDecision
                {
                    RatingYearId = y.Id,
                    PersonId = members[i].PersonId,
                    OrgUnitId = members[i].CellId,
                    Score = y.RuleSet == RuleSet.Qd366 ? score : 0m,
                    DonePercent = 100m,
                    OnTimePercent = onTime,
                    ExceededPercent = exceeded,
                    PriorShortcomingsRemedied = true,
                    DecidedLevel = y.RuleSet == RuleSet.Qd366 ? null : level,
                    Level = result.Level,
                    Explanation = result.Explanation,
                    State = DecisionState.Published,
                    DecidedAt = decidedAt,
                    DecidedBy = "Ban Thường vụ Đảng ủy",
                });
            }
        }
    }
}
