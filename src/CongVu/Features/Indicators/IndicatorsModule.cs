using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators;

public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorBoard>();
        services.AddScoped<IPublicFigures, IndicatorFigures>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<IndicatorDefinition>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(80);
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Name).HasMaxLength(300);
            e.Property(i => i.EnglishName).HasMaxLength(300);
            e.Property(i => i.Unit).HasMaxLength(60);
            e.Property(i => i.Group).HasMaxLength(100);
            e.Property(i => i.Method).HasMaxLength(1000);
        });
        builder.Entity<IndicatorValue>(e =>
        {
            e.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId);
            e.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(v => new { v.IndicatorId, v.OrgUnitId, v.Year }).IsUnique();
            e.HasIndex(v => new { v.OrgUnitId, v.Year });
            e.Property(v => v.Value).HasPrecision(18, 4);
            e.Property(v => v.SourceNote).HasMaxLength(300);
            e.Property(v => v.EnteredBy).HasMaxLength(200);
        });
        builder.Entity<IndicatorTarget>(e =>
        {
            e.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.IndicatorId, t.OrgUnitId, t.Year }).IsUnique();
            e.Property(t => t.Value).HasPrecision(18, 4);
            e.Property(t => t.Basis).HasMaxLength(300);
        });
        db.ApplyScope<IndicatorValue>(builder);
        db.ApplyScope<IndicatorTarget>(builder);
    }

    /// <summary>The indicator catalogue, upserted by code at every start (names and methods follow the code).</summary>
    public static async Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var existing = await db.Set<IndicatorDefinition>().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        foreach (var def in IndicatorCatalogue.Definitions())
        {
            if (existing.TryGetValue(def.Code, out var row))
            {
                row.Name = def.Name;
                row.EnglishName = def.EnglishName;
                row.Unit = def.Unit;
                row.Group = def.Group;
                row.Direction = def.Direction;
                row.Scope = def.Scope;
                row.Source = def.Source;
                row.Method = def.Method;
                row.SortOrder = def.SortOrder;
            }
            else
            {
                db.Set<IndicatorDefinition>().Add(def);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => IndicatorsDemo.SeedAsync(services, ct);
}
