using CongVu.Infrastructure.Data;
using CongVu.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

public static class PledgesModule
{
    public static IServiceCollection AddPledges(this IServiceCollection services) =>
        services.AddScoped<PledgeQueries>().AddScoped<IPublicFigures, PledgeFigures>();

    public static IEndpointRouteBuilder MapPledges(this IEndpointRouteBuilder app) => app;

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<Pledge>(e =>
        {
            e.HasIndex(p => new { p.RatingYearId, p.OrgUnitId, p.PersonId });
            e.Property(p => p.FollowUncleHo).HasMaxLength(2000);
            e.Property(p => p.Model).HasMaxLength(500);
            e.Property(p => p.EnteredOnBehalfBy).HasMaxLength(200);
            e.Property(p => p.AcknowledgedBy).HasMaxLength(200);
            e.Property(p => p.ReturnComment).HasMaxLength(1000);
            e.HasOne<Reviews.RatingYear>().WithMany().HasForeignKey(p => p.RatingYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PledgeId);
        });
        builder.Entity<PledgeItem>(e =>
        {
            e.Property(i => i.CriterionCode).HasMaxLength(20);
            e.Property(i => i.Commitment).HasMaxLength(1000);
            e.Property(i => i.OutcomeNote).HasMaxLength(1000);
        });
        db.ApplyScope<Pledge>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
