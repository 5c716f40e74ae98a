using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Conduct;

/// <summary>The code of conduct in force, public: citizens may hold officials to it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public ConductCode? Code { get; private set; }

    public List<Tw4Manifestation> Tw4 { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Code = await ConductSeed.InForceAsync(db, VietnamTime.Today(time), ct);
        Tw4 = await db.Set<Tw4Manifestation>().AsNoTracking().OrderBy(m => m.SortOrder).ToListAsync(ct);
    }
}
