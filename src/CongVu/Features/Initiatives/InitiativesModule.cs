using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives;

public static class InitiativesModule
{
    public static IServiceCollection AddInitiatives(this IServiceCollection services)
    {
        services.AddScoped<IPublicFigures, InitiativeFigures>();
        // The showcase pages serve the home commune without the /xa/{code} prefix too.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Initiatives/Public/Models", "mo-hinh");
            o.Conventions.AddPageRoute("/Initiatives/Public/Works", "cong-trinh");
            o.Conventions.AddPageRoute("/Initiatives/Edit", "staff/initiatives/{id:int}/edit");
            o.Conventions.AddPageRoute("/Initiatives/Works/Edit", "staff/works/{id:int}/edit");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapInitiatives(this IEndpointRouteBuilder app)
    {
        // A photo is public only while its model is recognised typical; otherwise staff see it through their scope.
        app.MapGet("/mo-hinh/anh/{id:int}", async (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var photo = await db.Set<InitiativePhoto>().IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.Id == id && db.Set<Initiative>().IgnoreQueryFilters().Any(i => i.Id == p.InitiativeId && i.Status == InitiativeStatus.Typical))
                .Select(p => new { p.Data, p.ContentType }).FirstOrDefaultAsync(ct);
            if (photo is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(photo.Data, photo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/staff/initiatives/photo/{id:int}", async (int id, AppDbContext db, CancellationToken ct) =>
        {
            var photo = await db.Set<InitiativePhoto>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Data, p.ContentType }).FirstOrDefaultAsync(ct);
            return photo is null ? Results.NotFound() : Results.File(photo.Data, photo.ContentType);
        }).RequireAuthorization(Policies.RegistryRead).ExcludeFromDescription();
        return app;
    }

    /// <summary>This module's entities: configuration and scope filters (called from AppDbContext.OnModelCreating).</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        builder.Entity<Initiative>(e =>
        {
            e.Property(i => i.Title).HasMaxLength(300);
            e.Property(i => i.Goal).HasMaxLength(2000);
            e.Property(i => i.OwnerName).HasMaxLength(200);
            e.Property(i => i.CriterionCodes).HasMaxLength(200);
            e.Property(i => i.PledgeItemIds).HasMaxLength(200);
            e.HasIndex(i => new { i.OrgUnitId, i.Status });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(i => i.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Initiative>().WithMany().HasForeignKey(i => i.ReplicatedFromId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.InitiativeId);
            e.HasMany(i => i.Events).WithOne().HasForeignKey(t => t.InitiativeId);
            e.HasMany(i => i.Updates).WithOne().HasForeignKey(t => t.InitiativeId);
            e.HasMany(i => i.Screenings).WithOne().HasForeignKey(t => t.InitiativeId);
        });
        builder.Entity<InitiativeTarget>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Unit).HasMaxLength(50);
        });
        builder.Entity<InitiativeEvent>(e =>
        {
            e.Property(t => t.Reason).HasMaxLength(1000);
            e.Property(t => t.By).HasMaxLength(200);
        });
        builder.Entity<InitiativeUpdate>(e =>
        {
            e.Property(t => t.Text).HasMaxLength(2000);
            e.Property(t => t.By).HasMaxLength(200);
            e.HasMany(u => u.Figures).WithOne().HasForeignKey(f => f.UpdateId);
            e.HasMany(u => u.Photos).WithOne().HasForeignKey(f => f.UpdateId);
        });
        builder.Entity<InitiativeFigure>(e => e.HasOne(f => f.Target).WithMany().HasForeignKey(f => f.TargetId).OnDelete(DeleteBehavior.Restrict));
        builder.Entity<InitiativePhoto>(e =>
        {
            e.Property(p => p.ContentType).HasMaxLength(50);
            e.Property(p => p.Caption).HasMaxLength(500);
            e.HasIndex(p => p.InitiativeId);
        });
        builder.Entity<InitiativeScreening>(e =>
        {
            e.Property(s => s.Scores).HasMaxLength(100);
            e.Property(s => s.Reasons).HasMaxLength(2000);
            e.Property(s => s.By).HasMaxLength(200);
        });
        builder.Entity<Commendation>(e =>
        {
            e.Property(c => c.DecisionNumber).HasMaxLength(60);
            e.Property(c => c.IssuedBy).HasMaxLength(200);
            e.Property(c => c.Citation).HasMaxLength(1000);
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.HasIndex(c => new { c.OrgUnitId, c.DecidedOn });
            e.HasIndex(c => c.PersonId);
            e.HasIndex(c => c.InitiativeId);
            e.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PublicWork>(e =>
        {
            e.Property(w => w.Name).HasMaxLength(300);
            e.Property(w => w.Description).HasMaxLength(2000);
            e.HasIndex(w => w.OrgUnitId);
        });
        builder.Entity<Contribution>(e =>
        {
            e.Property(c => c.DonorName).HasMaxLength(200);
            e.Property(c => c.DonorFrom).HasMaxLength(200);
            e.Property(c => c.Unit).HasMaxLength(30);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.RecipientDescription).HasMaxLength(300);
            e.Property(c => c.RecordedBy).HasMaxLength(200);
            e.Property(c => c.Quantity).HasPrecision(18, 2);
            e.Property(c => c.EstimatedValueVnd).HasPrecision(18, 0);
            e.HasIndex(c => new { c.OrgUnitId, c.OnDate });
            e.HasIndex(c => c.PublicWorkId);
            e.HasOne<PublicWork>().WithMany().HasForeignKey(c => c.PublicWorkId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Households.Household>().WithMany().HasForeignKey(c => c.RecipientHouseholdId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<InitiativeTarget>().Property(t => t.Target).HasPrecision(18, 2);
        builder.Entity<InitiativeFigure>().Property(t => t.Value).HasPrecision(18, 2);
        db.ApplyScope<Initiative>(builder);
        db.ApplyScope<InitiativePhoto>(builder);
        db.ApplyScope<Commendation>(builder);
        db.ApplyScope<PublicWork>(builder);
        db.ApplyScope<Contribution>(builder);
    }

    /// <summary>Reference data every installation needs; idempotent, runs at every start.</summary>
    public static Task SeedReferenceAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demo data for the demo commune; idempotent, runs at every start in demo mode after the registry is seeded.</summary>
    public static Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => InitiativeDemo.SeedAsync(services, ct);
}
