using CongVu.Features.Portal.News;
using CongVu.Features.Portal.Visits;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal;

public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddSingleton<PortalSite>();
        services.AddSingleton<VisitService>();
        services.AddHostedService<VisitFlusher>();
        services.AddTransient<IStartupFilter, VisitStartupFilter>();
        services.AddScoped<PortalCommunes>();
        services.AddScoped<NewsQueries>();
        services.AddScoped<NewsDesk>();
        services.AddScoped<Home.CommuneHome>();
        // The same pages serve the default commune at / and any commune under /xa/{code}.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Portal/News/Edit", "staff/news/new");
            o.Conventions.AddPageRoute("/Portal/News/List", "xa/{code}/tin-tuc");
            o.Conventions.AddPageRoute("/Portal/News/Article", "xa/{code}/tin-tuc/{slug}");
            o.Conventions.AddPageRoute("/Portal/Home/Transparency", "minh-bach");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        VisitEndpoints.Map(app);
        NewsEndpoints.Map(app);
        return app;
    }

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        // Visit tables hold public aggregates keyed by commune code, not unit-owned records: no scope filter.
        builder.Entity<PortalVisitSalt>(e =>
        {
            e.ToTable("PortalVisitSalts");
            e.HasKey(s => s.Day);
            e.Property(s => s.Salt).HasMaxLength(64);
        });
        builder.Entity<PortalVisitHour>(e =>
        {
            e.ToTable("PortalVisitHours");
            e.Property(h => h.Commune).HasMaxLength(64);
            e.HasIndex(h => new { h.Commune, h.HourUtc }).IsUnique();
        });
        builder.Entity<PortalVisitDay>(e =>
        {
            e.ToTable("PortalVisitDays");
            e.Property(h => h.Commune).HasMaxLength(64);
            e.HasIndex(h => new { h.Commune, h.Day }).IsUnique();
        });
        builder.Entity<PortalVisitPage>(e =>
        {
            e.ToTable("PortalVisitPages");
            e.Property(h => h.Commune).HasMaxLength(64);
            e.Property(h => h.Path).HasMaxLength(200);
            e.HasIndex(h => new { h.Commune, h.Day, h.Path }).IsUnique();
        });
        builder.Entity<PortalVisitSession>(e =>
        {
            e.ToTable("PortalVisitSessions");
            e.Property(h => h.Commune).HasMaxLength(64);
            e.Property(h => h.Visitor).HasMaxLength(32);
        });
        builder.Entity<NewsPost>(e =>
        {
            e.ToTable("NewsPosts");
            e.Property(p => p.Slug).HasMaxLength(100);
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Lead).HasMaxLength(600);
            e.Property(p => p.Byline).HasMaxLength(200);
            e.Property(p => p.Category).HasMaxLength(100);
            e.Property(p => p.SearchText).HasMaxLength(900);
            e.HasIndex(p => new { p.OrgUnitId, p.Slug }).IsUnique();
            e.HasIndex(p => new { p.OrgUnitId, p.State, p.PublishAt });
            e.HasMany(p => p.Photos).WithOne().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        });
        db.ApplyScope<NewsPost>(builder);
        builder.Entity<NewsPhoto>(e =>
        {
            e.ToTable("NewsPhotos");
            e.Property(p => p.ContentType).HasMaxLength(40);
            e.Property(p => p.Caption).HasMaxLength(500);
        });
        db.ApplyScope<NewsPhoto>(builder);
        builder.Entity<PortalVisitOffset>(e =>
        {
            e.ToTable("PortalVisitOffsets");
            e.HasKey(o => o.Commune);
            e.Property(o => o.Commune).HasMaxLength(64);
            e.Property(o => o.Source).HasMaxLength(300);
        });
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => PortalDemo.SeedAsync(services, ct);
}
