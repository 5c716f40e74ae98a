using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Conduct;

public static class ConductModule
{
    public static IServiceCollection AddConduct(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapConduct(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<ConductCode>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(80);
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Title).HasMaxLength(300);
            e.Property(c => c.EnglishTitle).HasMaxLength(300);
            e.Property(c => c.Term).HasMaxLength(100);
            e.Property(c => c.AdoptedBy).HasMaxLength(200);
            e.HasMany(c => c.Groups).WithOne(g => g.ConductCode).HasForeignKey(g => g.ConductCodeId);
        });
        builder.Entity<CriterionGroup>(e =>
        {
            e.Property(g => g.Code).HasMaxLength(20);
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.EnglishName).HasMaxLength(100);
            e.HasIndex(g => new { g.ConductCodeId, g.Code }).IsUnique();
            e.HasMany(g => g.Criteria).WithOne(c => c.Group).HasForeignKey(c => c.GroupId);
        });
        builder.Entity<Criterion>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Text).HasMaxLength(500);
            e.Property(c => c.EnglishGloss).HasMaxLength(500);
            e.HasIndex(c => new { c.GroupId, c.Code }).IsUnique();
        });
        builder.Entity<Tw4Manifestation>(e =>
        {
            e.Property(m => m.Code).HasMaxLength(20);
            e.HasIndex(m => m.Code).IsUnique();
            e.Property(m => m.GroupName).HasMaxLength(200);
            e.Property(m => m.Text).HasMaxLength(1000);
        });
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) =>
        ConductSeed.SeedAsync(services.GetRequiredService<AppDbContext>(), ct);

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
