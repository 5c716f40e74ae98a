using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

public static class FeedbackPolicies
{
    /// <summary>Read the feedback inbox of one's subtree.</summary>
    public const string Read = "feedback.read";

    /// <summary>Take in, route, answer and moderate feedback.</summary>
    public const string Handle = "feedback.handle";
}

public static class FeedbackModule
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<FeedbackService>();
        services.AddScoped<IPublicFigures, FeedbackFigures>();
        VoiceModel.AddServices(services);
        services.AddAuthorizationBuilder()
            .AddPolicy(FeedbackPolicies.Read, p => p.RequireRole(Roles.Admin, Roles.Committee, Roles.Overseer))
            .AddPolicy(FeedbackPolicies.Handle, p => p.RequireRole(Roles.Admin, Roles.Committee));
        return services;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app) => app.MapOpen311();

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<FeedbackItem>(e =>
        {
            e.ToTable("FeedbackItems");
            e.Property(f => f.TrackingCode).HasMaxLength(TrackingCode.Length);
            e.HasIndex(f => f.TrackingCode).IsUnique();
            e.HasIndex(f => new { f.OrgUnitId, f.Status });
            e.HasIndex(f => new { f.CommuneId, f.ReceivedOn });
            e.Property(f => f.Text).HasMaxLength(4000);
            e.Property(f => f.SubjectText).HasMaxLength(300);
            e.Property(f => f.ContactNameProtected).HasMaxLength(1000);
            e.Property(f => f.ContactPhoneProtected).HasMaxLength(1000);
            e.Property(f => f.ContactEmailProtected).HasMaxLength(1000);
            e.Property(f => f.AnswerText).HasMaxLength(4000);
            e.Property(f => f.ReferredTo).HasMaxLength(300);
            e.Property(f => f.EvidenceText).HasMaxLength(2000);
            e.Property(f => f.AnsweredBy).HasMaxLength(200);
            e.Property(f => f.ConductCodes).HasMaxLength(200);
            e.Property(f => f.ReopenReason).HasMaxLength(2000);
            e.Property(f => f.HiddenReason).HasMaxLength(300);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Attachments).WithOne().HasForeignKey(a => a.FeedbackItemId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(f => f.IsOpen);
        });
        builder.Entity<FeedbackAttachment>(e =>
        {
            e.ToTable("FeedbackAttachments");
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.FileName).HasMaxLength(200);
        });
        builder.Entity<FeedbackDeadlineRule>(e =>
        {
            e.ToTable("FeedbackDeadlineRules");
            e.HasKey(r => r.Kind);
        });
        builder.Entity<DeskRating>(e =>
        {
            e.ToTable("DeskRatings");
            e.Property(r => r.Desk).HasMaxLength(100);
            e.HasIndex(r => new { r.OrgUnitId, r.On });
            e.Ignore(r => r.Average);
        });
        builder.Entity<Open311Client>(e =>
        {
            e.ToTable("Open311Clients");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.HasIndex(c => c.KeyHash).IsUnique();
        });
        builder.Entity<Dossier>(e =>
        {
            e.ToTable("Dossiers");
            e.Property(d => d.Code).HasMaxLength(50);
            e.Property(d => d.Procedure).HasMaxLength(300);
            e.Property(d => d.Official).HasMaxLength(200);
            e.Property(d => d.DelayReason).HasMaxLength(1000);
            e.HasIndex(d => new { d.OrgUnitId, d.Code }).IsUnique();
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        db.ApplyScope<Dossier>(builder);
        db.ApplyScope<FeedbackItem>(builder);
        db.ApplyScope<FeedbackAttachment>(builder);
        db.ApplyScope<DeskRating>(builder);
        VoiceModel.Configure(builder, db);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static async Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var rules = db.Set<FeedbackDeadlineRule>();
        var existing = await rules.Select(r => r.Kind).ToListAsync(ct);
        foreach (var kind in Enum.GetValues<FeedbackKind>().Where(k => !existing.Contains(k)))
        {
            // 5 working days, 7 when other bodies are consulted (a common provincial rule, domain-rules §4).
            rules.Add(new FeedbackDeadlineRule { Kind = kind, WorkingDays = 5, WorkingDaysWhenConsulting = 7 });
        }

        await db.SaveChangesAsync(ct);
        await Schedules.ScheduleService.SeedAsync(db, services.GetRequiredService<TimeProvider>(), ct);
    }

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await FeedbackDemo.SeedAsync(services, ct);
        await Reception.ReceptionDemo.SeedAsync(services, ct);
    }
}
