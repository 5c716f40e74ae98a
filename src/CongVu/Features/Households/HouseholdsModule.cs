using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households;

public static class HouseholdsModule
{
    public static IServiceCollection AddHouseholds(this IServiceCollection services) => services;

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
        db.ApplyScope<Household>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
