using CongVu.Infrastructure.Data;
using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

public static class ReviewsModule
{
    public static IServiceCollection AddReviews(this IServiceCollection services) =>
        services.AddScoped<IPublicFigures, RatingFigures>().AddSingleton<DisciplineNotes>();

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<RatingYear>(e =>
        {
            e.HasIndex(y => new { y.CommitteeId, y.Year }).IsUnique();
            e.Property(y => y.RuleSetVersion).HasMaxLength(200);
            e.Property(y => y.CreatedBy).HasMaxLength(200);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(y => y.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ConductCode>().WithMany().HasForeignKey(y => y.ConductCodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(y => y.ScoreItems).WithOne().HasForeignKey(i => i.RatingYearId);
        });
        builder.Entity<ScoreItem>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(20);
            e.Property(i => i.Label).HasMaxLength(500);
            e.Property(i => i.CriterionCode).HasMaxLength(20);
            e.Property(i => i.MaxPoints).HasPrecision(6, 2);
        });
        builder.Entity<MemberReview>(e =>
        {
            e.HasIndex(r => new { r.RatingYearId, r.PersonId }).IsUnique();
            e.HasIndex(r => new { r.RatingYearId, r.OrgUnitId });
            e.Property(r => r.SelfSummary).HasMaxLength(4000);
            e.Property(r => r.CellComment).HasMaxLength(4000);
            e.Property(r => r.CellAppraisedBy).HasMaxLength(200);
            e.HasOne<RatingYear>().WithMany().HasForeignKey(r => r.RatingYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.MemberReviewId);
        });
        builder.Entity<ReviewScore>(e =>
        {
            e.Property(s => s.SelfPoints).HasPrecision(6, 2);
            e.Property(s => s.SelfNote).HasMaxLength(1000);
            e.HasIndex(s => new { s.MemberReviewId, s.ScoreItemId }).IsUnique();
        });
        builder.Entity<RatingDecision>(e =>
        {
            e.HasIndex(d => new { d.RatingYearId, d.OrgUnitId, d.IsCurrent });
            e.HasIndex(d => new { d.RatingYearId, d.PersonId });
            e.Property(d => d.Score).HasPrecision(6, 2);
            e.Property(d => d.DonePercent).HasPrecision(6, 2);
            e.Property(d => d.OnTimePercent).HasPrecision(6, 2);
            e.Property(d => d.ExceededPercent).HasPrecision(6, 2);
            e.Property(d => d.Mitigation).HasMaxLength(1000);
            e.Property(d => d.Explanation).HasMaxLength(4000);
            e.Property(d => d.ReRatingBasis).HasMaxLength(1000);
            e.Property(d => d.DecidedBy).HasMaxLength(200);
            e.HasOne<RatingYear>().WithMany().HasForeignKey(d => d.RatingYearId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<QuotaAllowance>(e =>
        {
            e.HasIndex(q => new { q.RatingYearId, q.OrgUnitId }).IsUnique();
            e.Property(q => q.Basis).HasMaxLength(1000);
            e.Property(q => q.RecordedBy).HasMaxLength(200);
        });
        builder.Entity<DisciplineRecord>(e =>
        {
            e.HasIndex(d => new { d.PersonId, d.DecidedOn });
            e.Property(d => d.Reason).HasMaxLength(6000);
            e.Property(d => d.RecordedBy).HasMaxLength(200);
        });
        builder.Entity<OrgRating>(e =>
        {
            e.HasIndex(o => new { o.RatingYearId, o.OrgUnitId }).IsUnique();
            e.Property(o => o.HistoricalLabel).HasMaxLength(200);
            e.Property(o => o.Note).HasMaxLength(2000);
            e.Property(o => o.DecidedBy).HasMaxLength(200);
            e.HasOne<RatingYear>().WithMany().HasForeignKey(o => o.RatingYearId).OnDelete(DeleteBehavior.Restrict);
        });
        db.ApplyScope<OrgRating>(builder);
        db.ApplyScope<MemberReview>(builder);
        db.ApplyScope<RatingDecision>(builder);
        db.ApplyScope<QuotaAllowance>(builder);
        db.ApplyScope<DisciplineRecord>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DisciplineNotes>().EncryptExistingAsync(services.GetRequiredService<AppDbContext>(), ct);

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => CycleDemo.SeedAsync(services, ct);
}
