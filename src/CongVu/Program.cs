using CongVu.Features.Account;
using CongVu.Features.Conduct;
using CongVu.Features.Feedback;
using CongVu.Features.Households;
using CongVu.Features.Indicators;
using CongVu.Features.Initiatives;
using CongVu.Features.NewCountryside;
using CongVu.Features.Pledges;
using CongVu.Features.Portal;
using CongVu.Features.Reports;
using CongVu.Features.Reviews;
using CongVu.Features.Organisation;
using CongVu.Features.Overview;
using CongVu.Infrastructure;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Localization;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
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

await AppStartup.InitialiseAsync(app);

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

await app.RunAsync();

public partial class Program;
