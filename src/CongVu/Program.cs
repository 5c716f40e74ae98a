using CongVu.Features.Account;
using CongVu.Features.Conduct;
using CongVu.Features.Feedback;
using CongVu.Features.Households;
using CongVu.Features.Indicators;
using CongVu.Features.Initiatives;
using CongVu.Features.NewCountryside;
using CongVu.Features.Organisation;
using CongVu.Features.Overview;
using CongVu.Features.Pledges;
using CongVu.Features.Portal;
using CongVu.Features.Reports;
using CongVu.Features.Reviews;
using CongVu.Infrastructure;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Localization;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
// Static files come from the build's manifest (MapStaticAssets). Run from a build rather than a published folder
// (tests, `dotnet run` in any environment) their compressed copies sit in obj/: this maps them; published, it does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StartupGate>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppSecurity(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppLocalization();
builder.Services.AddAppWeb();

// Modules, one line each (engineering/architecture.md).
builder.Services.AddOrganisation();
builder.Services.AddAccount();
builder.Services.AddConduct();
builder.Services.AddPledges();
builder.Services.AddReviews();
builder.Services.AddFeedback();
builder.Services.AddPortal();
builder.Services.AddHouseholds();
builder.Services.AddInitiatives();
builder.Services.AddIndicators();
builder.Services.AddNewCountryside();
builder.Services.AddReports();
builder.Services.AddOverview();

var app = builder.Build();

if (await AppCommands.TryRunAsync(app, args))
{
    return;
}

// Migrations and the reference and demo checks run while the server starts; requests wait for them at the gate.
var gate = app.Services.GetRequiredService<StartupGate>();
var initialising = gate.RunAsync(() => AppStartup.InitialiseAsync(app));

app.UseStartupGate();
app.UseAppWeb();
app.MapAppWeb();
app.MapOrganisation();
app.MapConduct();
app.MapPledges();
app.MapReviews();
app.MapFeedback();
app.MapPortal();
app.MapHouseholds();
app.MapInitiatives();
app.MapIndicators();
app.MapNewCountryside();
app.MapReports();

await app.StartAsync();
try
{
    await initialising;
}
catch
{
    await app.StopAsync();
    throw;
}

await app.WaitForShutdownAsync();

public partial class Program;
