using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households;

public static class HouseholdsModule
{
    public static IServiceCollection AddHouseholds(this IServiceCollection services)
    {
        services.AddScoped<HouseholdStats>();
        return services;
    }

    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<Household>(e =>
        {
            e.Property(h => h.Number).HasMaxLength(40);
            e.Property(h => h.HeadName).HasMaxLength(200);
            e.Property(h => h.SearchName).HasMaxLength(200);
            e.Property(h => h.Address).HasMaxLength(300);
            e.HasIndex(h => new { h.OrgUnitId, h.Number }).IsUnique();
            e.HasIndex(h => h.SearchName);
            e.HasOne(h => h.Hamlet).WithMany().HasForeignKey(h => h.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(h => h.HeadPersonId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<HouseholdYear>(e =>
        {
            e.HasOne(y => y.Household).WithMany().HasForeignKey(y => y.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(y => y.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(y => new { y.HouseholdId, y.Year }).IsUnique();
            e.HasIndex(y => new { y.OrgUnitId, y.Year });
            e.Property(y => y.IncomePerPersonMonth).HasPrecision(18, 0);
            e.Property(y => y.CulturalExclusion).HasMaxLength(40);
            e.Property(y => y.UpdatedBy).HasMaxLength(200);
        });
        db.ApplyScope<Household>(builder);
        db.ApplyScope<HouseholdYear>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => HouseholdsDemo.SeedAsync(services, ct);
}
