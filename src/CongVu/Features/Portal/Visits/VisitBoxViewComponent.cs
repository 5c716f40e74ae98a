using Microsoft.AspNetCore.Mvc;

namespace CongVu.Features.Portal.Visits;

/// <summary>The "Thống kê truy cập" box in the footer of public pages.</summary>
public sealed class VisitBoxViewComponent(VisitService visits, PortalSite site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var path = HttpContext.Request.Path.Value ?? "/";
        if (path.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/tai-khoan", StringComparison.OrdinalIgnoreCase))
        {
            return Content(string.Empty);
        }

        var figures = await visits.FiguresAsync(site.CommuneFor(HttpContext), HttpContext.RequestAborted);
        return View("~/Features/Portal/Visits/_VisitBox.cshtml", figures);
    }
}
