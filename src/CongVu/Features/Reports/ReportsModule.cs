using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddScoped<ReportFigures>().AddScoped<ReportService>();

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<PartyTerm>(e =>
        {
            e.ToTable("PartyTerms");
            e.HasIndex(t => new { t.OrgUnitId, t.StartsOn }).IsUnique();
            e.Property(t => t.Name).HasMaxLength(40);
            e.Property(t => t.Ordinal).HasMaxLength(20);
            e.HasOne<Organisation.OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PartyReport>(e =>
        {
            e.ToTable("PartyReports");
            // One number per committee, term and document type (HD 36-HD/VPTW).
            e.HasIndex(r => new { r.OrgUnitId, r.TermId, r.DocType, r.Number }).IsUnique();
            e.Property(r => r.DocType).HasMaxLength(10);
            e.Property(r => r.Subject).HasMaxLength(500);
            e.Property(r => r.Recipients).HasMaxLength(1000);
            e.Property(r => r.SignerName).HasMaxLength(200);
            e.Property(r => r.CreatedBy).HasMaxLength(200);
            e.Property(r => r.IssuedBy).HasMaxLength(200);
            e.Property(r => r.NumberText).HasMaxLength(60);
            e.Property(r => r.DocxSha256).HasMaxLength(64);
            e.Property(r => r.XlsxSha256).HasMaxLength(64);
            e.HasOne<Organisation.OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PartyTerm>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.PartyReportId);
        });
        builder.Entity<ReportSection>(e =>
        {
            e.ToTable("PartyReportSections");
            e.Property(s => s.Heading).HasMaxLength(300);
            e.Property(s => s.Text).HasMaxLength(20000);
        });
        db.ApplyScope<PartyTerm>(builder);
        db.ApplyScope<PartyReport>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ReportSeed.SeedDemoTermsAsync(services, ct);
}
