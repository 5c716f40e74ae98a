using CongVu.Features.Feedback.Reception;
using CongVu.Features.Feedback.Schedules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback;

/// <summary>Reception sessions, official schedules and public statistics: services and EF configuration, called from FeedbackModule.</summary>
internal static class VoiceModel
{
    /// <summary>Edit the official holiday schedules (national data): admins only.</summary>
    public const string ScheduleAdmin = "feedback.schedules";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<ReceptionService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ScheduleAdmin, p => p.RequireRole(Roles.Admin));
    }

    public static void Configure(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<OfficialScheduleYear>(e =>
        {
            e.ToTable("OfficialSchedules");
            e.HasKey(s => s.Year);
            e.Property(s => s.Year).ValueGeneratedNever();
            e.Property(s => s.Source).HasMaxLength(500);
            e.Property(s => s.UpdatedBy).HasMaxLength(200);
        });
        builder.Entity<ReceptionSession>(e =>
        {
            e.ToTable("ReceptionSessions");
            e.Property(s => s.Place).HasMaxLength(300);
            e.Property(s => s.HostName).HasMaxLength(200);
            e.Property(s => s.HostPost).HasMaxLength(200);
            e.Property(s => s.OutcomeNotes).HasMaxLength(4000);
            e.HasIndex(s => new { s.CommuneId, s.On });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Visits).WithOne().HasForeignKey(v => v.ReceptionSessionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReceptionVisit>(e =>
        {
            e.ToTable("ReceptionVisits");
            e.HasIndex(v => v.FeedbackItemId).IsUnique();
            e.HasOne<FeedbackItem>().WithMany().HasForeignKey(v => v.FeedbackItemId).OnDelete(DeleteBehavior.Restrict);
        });
        db.ApplyScope<ReceptionSession>(builder);
        db.ApplyScope<ReceptionVisit>(builder);
    }
}
