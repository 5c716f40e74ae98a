using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.NewCountryside;

public static class NewCountrysideModule
{
    public static IServiceCollection AddNewCountryside(this IServiceCollection services) => services.AddScoped<NtmQueries>();

    public static IEndpointRouteBuilder MapNewCountryside(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<CriteriaSet>(e =>
        {
            e.ToTable("NtmCriteriaSets");
            e.HasIndex(s => s.Code).IsUnique();
            e.Property(s => s.Code).HasMaxLength(60);
            e.Property(s => s.Name).HasMaxLength(300);
            e.Property(s => s.LegalBasis).HasMaxLength(300);
            e.Property(s => s.ProvinceCode).HasMaxLength(60);
            e.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.CriteriaSetId);
        });
        builder.Entity<Criterion>(e =>
        {
            e.ToTable("NtmCriteria");
            e.HasIndex(c => new { c.CriteriaSetId, c.Number }).IsUnique();
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Group).HasMaxLength(200);
        });
        builder.Entity<CriterionStatus>(e =>
        {
            e.ToTable("NtmCriterionStatuses");
            e.HasIndex(s => new { s.OrgUnitId, s.CriterionId, s.Year }).IsUnique();
            e.Property(s => s.Evidence).HasMaxLength(2000);
            e.Property(s => s.DocumentRef).HasMaxLength(300);
            e.Property(s => s.UpdatedBy).HasMaxLength(200);
            e.HasOne<Criterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation.OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Inspection>(e =>
        {
            e.ToTable("NtmInspections");
            e.HasIndex(i => new { i.OrgUnitId, i.Date });
            e.Property(i => i.Team).HasMaxLength(500);
            e.Property(i => i.Findings).HasMaxLength(4000);
            e.Property(i => i.CreatedBy).HasMaxLength(200);
            e.HasOne<CriteriaSet>().WithMany().HasForeignKey(i => i.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation.OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Notes).WithOne().HasForeignKey(n => n.InspectionId);
        });
        builder.Entity<InspectionNote>(e =>
        {
            e.ToTable("NtmInspectionNotes");
            e.Property(n => n.Note).HasMaxLength(1000);
            e.HasOne<Criterion>().WithMany().HasForeignKey(n => n.CriterionId).OnDelete(DeleteBehavior.Restrict);
        });
        db.ApplyScope<CriterionStatus>(builder);
        db.ApplyScope<Inspection>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => NtmSeed.SeedSetsAsync(services, ct);

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => NtmSeed.SeedDemoAsync(services, ct);
}
