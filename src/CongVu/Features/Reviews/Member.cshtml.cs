using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Pledges;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>One member's review: evidence, self-assessment, the cell's appraisal and the committee's decision.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class MemberModel(AppDbContext db, OrgTree tree, ReadCache cache, AuditLog audit, TimeProvider time, DisciplineNotes notes) : PageModel
{
    public sealed class DecisionInput
    {
        [StringLength(10)]
        [Display(Name = "Reviews.Score")]
        public string? Score { get; set; }

        [StringLength(10)]
        [Display(Name = "Reviews.DonePercent")]
        public string? Done { get; set; } = "100";

        [StringLength(10)]
        [Display(Name = "Reviews.OnTimePercent")]
        public string? OnTime { get; set; } = "100";

        [StringLength(10)]
        [Display(Name = "Reviews.ExceededPercent")]
        public string? Exceeded { get; set; } = "0";

        public bool PriorRemedied { get; set; }

        public bool Degradation { get; set; }

        [StringLength(1000)]
        public string? Mitigation { get; set; }

        public RatingLevel? DecidedLevel { get; set; }

        [StringLength(1000)]
        public string? ReRatingBasis { get; set; }
    }

    public sealed class AppraisalInput
    {
        public RatingLevel? Level { get; set; }

        [StringLength(4000)]
        public string? Comment { get; set; }
    }

    public sealed class DisciplineInput
    {
        public DisciplineLevel Level { get; set; } = DisciplineLevel.Reprimand;

        [StringLength(10)]
        public string? Day { get; set; }

        [StringLength(1000)]
        public string? Reason { get; set; }

        public bool DutyRelated { get; set; }
    }

    public RatingYear? Year { get; private set; }

    public RollMember? Member { get; private set; }

    public MemberReview? Review { get; private set; }

    public RatingDecision? Current { get; private set; }

    public List<RatingDecision> History { get; private set; } = [];

    public List<DisciplineRecord> Discipline { get; private set; } = [];

    public string ReasonOf(DisciplineRecord record) => notes.Reveal(record.Reason);

    public Pledge? Pledge { get; private set; }

    public CitizenEvidence? Citizens { get; private set; }

    public List<Initiatives.Commendation> Commendations { get; private set; } = [];

    public string CellName { get; private set; } = string.Empty;

    [BindProperty]
    public DecisionInput Decide { get; set; } = new();

    [BindProperty]
    public AppraisalInput Appraise { get; set; } = new();

    [BindProperty]
    public DisciplineInput NewDiscipline { get; set; } = new();

    public bool Locked => Current?.State == DecisionState.Published;

    public async Task<IActionResult> OnGetAsync(int year, int person, CancellationToken ct)
    {
        if (!await LoadForViewAsync(year, person, ct))
        {
            return NotFound();
        }

        Prefill();
        // Reviews are sensitive: every read is on the audit log.
        await audit.RecordReadAsync("member-review", $"{year}/{person}", Member!.CellId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(int year, int person, CancellationToken ct)
    {
        if (!await LoadAsync(year, person, ct))
        {
            return NotFound();
        }

        var snap = await tree.GetAsync(ct);
        var committee = snap.Find(Year!.CommitteeId)?.Name ?? string.Empty;
        var place = Infrastructure.Documents.PartyDocument.PlaceOf(committee);
        var scores = Year.ScoreItems.Select(i =>
        {
            var s = Review?.Scores.FirstOrDefault(x => x.ScoreItemId == i.Id);
            return (i.Code, i.Label, i.MaxPoints, s?.SelfPoints, s?.SelfNote);
        }).ToList();
        var data = new ReviewFormData(committee, CellName, place, Infrastructure.Time.VietnamTime.Today(time), Year.Year, Member!.FullName,
            CycleAccess.FormName(Review?.Form ?? ReviewForm.Form2B), scores, Review?.State >= ReviewState.SelfSubmitted ? CycleAccess.LevelName(Review.SelfLevel) : null,
            Review?.SelfSummary, Review?.CellLevel is null ? null : CycleAccess.LevelName(Review.CellLevel), Review?.CellComment,
            Current is null ? null : RatingEngine.Name(Current.Level), Current?.Explanation);
        await audit.RecordReadAsync("member-review.docx", $"{year}/{person}", Member.CellId, ct);
        return File(ReviewFormDocument.Build(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"kiem-diem-{Year.Year}-{person}.docx");
    }

    public async Task<IActionResult> OnPostAppraiseAsync(int year, int person, CancellationToken ct)
    {
        if (!CycleAccess.CanAppraise(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, person, ct))
        {
            return NotFound();
        }

        if (!Member!.IsRated)
        {
            ModelState.AddModelError(string.Empty, "Đảng viên không thuộc diện đánh giá: " + Member.ExclusionReason + ".");
        }
        else if (Appraise.Level is not RatingLevel level || !Enum.IsDefined(level))
        {
            ModelState.AddModelError("Appraise.Level", "Chọn mức chi bộ đề nghị.");
        }
        else if (Locked)
        {
            ModelState.AddModelError(string.Empty, "Kết quả đã công bố, không sửa được.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = Review ?? new MemberReview { RatingYearId = year, PersonId = person, OrgUnitId = Member.CellId };
        var before = new { review.CellLevel, review.CellComment };
        review.CellLevel = Appraise.Level;
        review.CellComment = Appraise.Comment?.Trim();
        review.CellAppraisedAt = time.GetUtcNow().UtcDateTime;
        review.CellAppraisedBy = User.Identity?.Name;
        review.State = ReviewState.Appraised;
        if (Review is null)
        {
            db.Add(review);
        }

        audit.RecordSaved("review.appraise", "member-review", () => review.Id, review.OrgUnitId, before, new { review.CellLevel, review.CellComment });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi ý kiến nhận xét, đề nghị của chi bộ.";
        return Redirect($"/staff/reviews/{year}/members/{person}");
    }

    public async Task<IActionResult> OnPostDecideAsync(int year, int person, CancellationToken ct)
    {
        if (!CycleAccess.CanDecide(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, person, ct))
        {
            return NotFound();
        }

        if (!Member!.IsRated)
        {
            ModelState.AddModelError(string.Empty, "Đảng viên không thuộc diện đánh giá: " + Member.ExclusionReason + ".");
            return Page();
        }

        var reRating = Locked;
        if (reRating && string.IsNullOrWhiteSpace(Decide.ReRatingBasis))
        {
            ModelState.AddModelError("Decide.ReRatingBasis", "Kết quả đã công bố và bị khóa; chỉ ghi quyết định đánh giá lại (mẫu 03) kèm căn cứ.");
            return Page();
        }

        var input = ParseInput();
        if (input is null)
        {
            return Page();
        }

        RatingResult result;
        try
        {
            result = RatingEngine.Rate(input);
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        RatingDecision decision;
        object? before = Current is null ? null : new { Current.Id, Current.Level, Current.Score, Current.State };
        if (Current is not null && !reRating)
        {
            decision = Current;
            // Any change sends the decision back to draft: the cell must be finalised again under the quota.
            decision.State = DecisionState.Draft;
        }
        else
        {
            decision = new RatingDecision { RatingYearId = year, PersonId = person, OrgUnitId = Member.CellId, MemberReviewId = Review?.Id };
            if (reRating)
            {
                Current!.IsCurrent = false;
                decision.SupersedesId = Current.Id;
                decision.ReRatingBasis = Decide.ReRatingBasis!.Trim();
                decision.State = DecisionState.Published;
            }

            db.Add(decision);
        }

        decision.Score = input.Score;
        decision.DonePercent = input.DonePercent;
        decision.OnTimePercent = input.OnTimePercent;
        decision.ExceededPercent = input.ExceededPercent;
        decision.PriorShortcomingsRemedied = input.PriorShortcomingsRemedied;
        decision.DegradationConcluded = input.DegradationConcluded;
        decision.Mitigation = input.Mitigation;
        decision.DecidedLevel = input.DecidedLevel;
        decision.Level = result.Level;
        decision.Explanation = result.Explanation;
        decision.DecidedAt = now;
        decision.DecidedBy = User.Identity?.Name;
        audit.RecordSaved(reRating ? "rating.re-rate" : "rating.decide", "rating-decision", () => decision.Id, decision.OrgUnitId, before, new { decision.Level, decision.Score, decision.State, decision.SupersedesId, decision.ReRatingBasis });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi quyết định: " + RatingEngine.Name(result.Level) + ".";
        return Redirect($"/staff/reviews/{year}/members/{person}");
    }

    public async Task<IActionResult> OnPostDisciplineAsync(int year, int person, CancellationToken ct)
    {
        if (!CycleAccess.CanDecide(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, person, ct))
        {
            return NotFound();
        }

        if (!Formats.TryParseDate(NewDiscipline.Day, out var day))
        {
            ModelState.AddModelError("NewDiscipline.Day", "Ngày quyết định kỷ luật không hợp lệ: nhập dd/mm/yyyy.");
        }

        if (string.IsNullOrWhiteSpace(NewDiscipline.Reason))
        {
            ModelState.AddModelError("NewDiscipline.Reason", "Nhập lý do kỷ luật.");
        }

        if (!Enum.IsDefined(NewDiscipline.Level))
        {
            ModelState.AddModelError("NewDiscipline.Level", "Hình thức kỷ luật không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var record = new DisciplineRecord { PersonId = person, OrgUnitId = Member!.CellId, Level = NewDiscipline.Level, DecidedOn = day, Reason = notes.Protect(NewDiscipline.Reason!.Trim()), DutyRelated = NewDiscipline.DutyRelated, RecordedAt = time.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name };
        db.Add(record);
        audit.RecordSaved("discipline.record", "discipline", () => record.Id, record.OrgUnitId, null, new { record.Level, record.DecidedOn, record.DutyRelated });
        await db.SaveChangesAsync(ct);
        return Redirect($"/staff/reviews/{year}/members/{person}");
    }

    private RatingInput? ParseInput()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        decimal Parse(string? text, string field, string label)
        {
            var t = (text ?? string.Empty).Trim().Replace(',', '.');
            if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0 && v <= 100)
            {
                return v;
            }

            ModelState.AddModelError(field, $"{label} phải là số từ 0 đến 100.");
            return 0;
        }

        var qualitative = Year!.RuleSet != RuleSet.Qd366;
        var score = qualitative ? 0 : Parse(Decide.Score, "Decide.Score", "Tổng điểm");
        var done = qualitative ? 0 : Parse(Decide.Done, "Decide.Done", "Tỷ lệ hoàn thành");
        var onTime = qualitative ? 0 : Parse(Decide.OnTime, "Decide.OnTime", "Tỷ lệ đúng hạn");
        var exceeded = qualitative ? 0 : Parse(Decide.Exceeded, "Decide.Exceeded", "Tỷ lệ vượt yêu cầu");
        if (!qualitative && onTime > done)
        {
            ModelState.AddModelError("Decide.OnTime", "Tỷ lệ đúng hạn không lớn hơn tỷ lệ hoàn thành.");
        }

        if (qualitative && Decide.DecidedLevel is null)
        {
            ModelState.AddModelError("Decide.DecidedLevel", "Năm đánh giá định tính: chọn mức xếp loại được quyết định.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        _ = vi;
        var heaviest = Discipline.Where(d => d.DutyRelated && d.DecidedOn >= Year.PeriodStart && d.DecidedOn <= Year.PeriodEnd).Select(d => (DisciplineLevel?)d.Level).Max();
        return new RatingInput(Year.RuleSet, score, done, onTime, exceeded, Decide.PriorRemedied, heaviest, Decide.Degradation, string.IsNullOrWhiteSpace(Decide.Mitigation) ? null : Decide.Mitigation.Trim(), Decide.DecidedLevel);
    }

    private void Prefill()
    {
        if (Current is not null)
        {
            var c = CultureInfo.InvariantCulture;
            Decide = new DecisionInput
            {
                Score = Current.Score.ToString("0.##", c),
                Done = Current.DonePercent.ToString("0.##", c),
                OnTime = Current.OnTimePercent.ToString("0.##", c),
                Exceeded = Current.ExceededPercent.ToString("0.##", c),
                PriorRemedied = Current.PriorShortcomingsRemedied,
                Degradation = Current.DegradationConcluded,
                Mitigation = Current.Mitigation,
                DecidedLevel = Current.DecidedLevel,
            };
        }
        else if (Review?.State >= ReviewState.SelfSubmitted)
        {
            Decide.Score = Review.Scores.Sum(s => s.SelfPoints ?? 0).ToString("0.##", CultureInfo.InvariantCulture);
        }

        if (Current is null)
        {
            Decide.PriorRemedied = true;
        }

        Appraise = new AppraisalInput { Level = Review?.CellLevel, Comment = Review?.CellComment };
        NewDiscipline.Day = Formats.Date(Infrastructure.Time.VietnamTime.Today(time));
    }

    /// <summary>
    /// The evidence for viewing, read again only after one of its sources changes (ReadCache, keyed by the reader's
    /// scope); read without tracking and shared, so only pages that show it use it. The posts load it tracked.
    /// </summary>
    private async Task<bool> LoadForViewAsync(int year, int person, CancellationToken ct)
    {
        var read = await cache.GetOrComputeForStaffAsync(
            FormattableString.Invariant($"member-review|{db.Scope.CacheKey}|{year}|{person}|{Infrastructure.Time.VietnamTime.Today(time):yyyy-MM-dd}"),
            EvidenceSources,
            async token =>
            {
                db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
                try
                {
                    return await LoadAsync(year, person, token) ? new Evidence(Year, Member, CellName, Review, History, Current, Discipline, Pledge, Citizens, Commendations) : Evidence.None;
                }
                finally
                {
                    db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
                }
            },
            ct);
        if (read.Member is null)
        {
            return false;
        }

        (Year, Member, CellName, Review, History, Current, Discipline, Pledge, Citizens, Commendations) =
            (read.Year, read.Member, read.CellName, read.Review, read.History, read.Current, read.Discipline, read.Pledge, read.Citizens, read.Commendations);
        return true;
    }

    private static readonly Type[] EvidenceSources =
    [
        typeof(RatingYear), typeof(ScoreItem), typeof(MemberReview), typeof(ReviewScore), typeof(RatingDecision), typeof(DisciplineRecord),
        typeof(Pledge), typeof(PledgeItem), typeof(Feedback.FeedbackItem), typeof(Feedback.Dossier), typeof(Initiatives.Commendation),
        typeof(Person), typeof(PartyMembership), typeof(MembershipPeriod), typeof(OrgUnit),
    ];

    private sealed record Evidence(
        RatingYear? Year, RollMember? Member, string CellName, MemberReview? Review, List<RatingDecision> History, RatingDecision? Current,
        List<DisciplineRecord> Discipline, Pledge? Pledge, CitizenEvidence? Citizens, List<Initiatives.Commendation> Commendations)
    {
        /// <summary>No such year or member in the reader's scope.</summary>
        public static readonly Evidence None = new(null, null, string.Empty, null, [], null, [], null, null, []);
    }

    private async Task<bool> LoadAsync(int year, int person, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.FindYearAsync(db, snap, year, ct);
        if (Year is null)
        {
            return false;
        }

        // The scoped roll: a secretary finds only members of their own cell; anyone else gets 404.
        var roll = await YearRoll.LoadAsync(db, snap, Year, Infrastructure.Time.VietnamTime.Today(time), ignoreScope: false, ct, person);
        Member = roll.FirstOrDefault(r => r.PersonId == person);
        if (Member is null)
        {
            return false;
        }

        CellName = snap.Find(Member.CellId)?.Name ?? "?";
        Review = await db.Set<MemberReview>().Include(r => r.Scores).FirstOrDefaultAsync(r => r.RatingYearId == year && r.PersonId == person, ct);
        History = await db.Set<RatingDecision>().Where(d => d.RatingYearId == year && d.PersonId == person).OrderByDescending(d => d.Id).ToListAsync(ct);
        Current = History.FirstOrDefault(d => d.IsCurrent);
        Discipline = await db.Set<DisciplineRecord>().Where(d => d.PersonId == person).OrderByDescending(d => d.DecidedOn).ToListAsync(ct);
        Pledge = await db.Set<Pledge>().Include(p => p.Items).FirstOrDefaultAsync(p => p.RatingYearId == year && p.PersonId == person, ct);
        Citizens = await CitizenEvidence.LoadAsync(db, person, Member.FullName, Year.PeriodStart, Year.PeriodEnd, ct);
        // The member is already found in the scoped roll; their commendations may sit under a predecessor cell.
        Commendations = await db.Set<Initiatives.Commendation>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.PersonId == person && c.DecidedOn >= Year.PeriodStart && c.DecidedOn <= Year.PeriodEnd).OrderBy(c => c.DecidedOn).ToListAsync(ct);
        return true;
    }
}
