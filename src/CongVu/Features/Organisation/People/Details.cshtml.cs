using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, ReadCache cache, AuditLog audit, MembershipService memberships, TimeProvider time, IAuthorizationService authz) : PageModel
{
    public static readonly MembershipChange[] Changes =
    [
        MembershipChange.Exempted, MembershipChange.Suspended, MembershipChange.Reinstated, MembershipChange.MadeOfficial,
        MembershipChange.MovedCell, MembershipChange.TransferredOut, MembershipChange.Deceased, MembershipChange.Expelled,
    ];

    public sealed class ChangeInput
    {
        [Display(Name = "Person.Change")]
        public MembershipChange Change { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Person.ChangeDay")]
        public string? Day { get; set; }

        [Display(Name = "Person.ToCell")]
        public int? ToCellId { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Person.Reason")]
        public string? Reason { get; set; }
    }

    public PersonRecord? Record { get; private set; }

    public List<OrgNode> TargetCells { get; } = [];

    public List<Initiatives.Commendation> Commendations { get; private set; } = [];

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Day = Formats.Date(VietnamTime.Today(time));
        // Party records are sensitive: every read is on the audit log.
        await audit.RecordReadAsync("person", id, Record!.Person.OrgUnitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken ct)
    {
        // Razor Pages authorise per page, not per handler: the write right is checked here.
        if (!(await authz.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Formats.TryParseDate(Input.Day, out var day))
        {
            ModelState.AddModelError("Input.Day", "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.");
        }
        else if (day > VietnamTime.Today(time))
        {
            ModelState.AddModelError("Input.Day", "Không ghi thay đổi cho ngày trong tương lai.");
        }

        if (!Changes.Contains(Input.Change))
        {
            ModelState.AddModelError("Input.Change", "Loại thay đổi không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.Identity?.Name ?? "?";
        var error = await memberships.ChangeAsync(id, Input.Change, day, Input.Change == MembershipChange.MovedCell ? Input.ToCellId : null, Input.Reason, actor, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }

        TempData["Flash"] = "Đã ghi thay đổi vào hồ sơ đảng viên.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        // A record is read again only after it changes (ReadCache); the read itself is still audited on every view.
        // The key holds the reader's scope: a record outside it is "not found", and stays so for that scope only.
        var read = await cache.GetOrComputeForStaffAsync(
            FormattableString.Invariant($"person-record|{db.Scope.CacheKey}|{id}"),
            RecordSources,
            token => ReadAsync(id, token),
            ct);
        if (read.Record is null)
        {
            return false;
        }

        Record = read.Record;
        Commendations = read.Commendations;
        var snap = await tree.GetAsync(ct);
        TargetCells.AddRange(IndexModel.CellChoices(snap, db.Scope.UnitIds, VietnamTime.Today(time), includeEnded: false));
        return true;
    }

    private static readonly Type[] RecordSources =
        [typeof(Person), typeof(PartyMembership), typeof(MembershipPeriod), typeof(PublicPost), typeof(Initiatives.Commendation), typeof(OrgUnit)];

    private sealed record RecordRead(PersonRecord? Record, List<Initiatives.Commendation> Commendations);

    private async Task<RecordRead> ReadAsync(int id, CancellationToken ct)
    {
        var record = await PersonRecord.LoadAsync(db.People, db, tree, id, ignoreScope: false, ct);
        if (record is null)
        {
            return new RecordRead(null, []);
        }

        // The person is already found through the scope; a commendation may sit under a predecessor cell.
        var commendations = await db.Set<Initiatives.Commendation>().IgnoreQueryFilters().AsNoTracking().Where(c => c.PersonId == id).OrderByDescending(c => c.DecidedOn).ToListAsync(ct);
        return new RecordRead(record, commendations);
    }
}
