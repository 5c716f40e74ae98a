using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongVu.Features.Overview;

/// <summary>The communes overview for overseers: pre-computed public-summary figures, kept stale-marked on every write.</summary>
public static class OverviewModule
{
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddSingleton<FiguresSignal>();
        services.AddSingleton<StaleFiguresInterceptor>();
        // DatabaseSetup adds every registered IInterceptor to the pooled contexts, ahead of the data-version counter.
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<StaleFiguresInterceptor>());
        services.AddSingleton<CommuneFiguresMemo>();
        services.AddScoped<CommuneFiguresStore>();
        services.AddSingleton<CommuneFiguresRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<CommuneFiguresRefresher>());
        return services;
    }

    /// <summary>Aggregate rows only (no person), so no scope filter: the page limits them to the user's communes.</summary>
    public static void ConfigureModel(ModelBuilder builder, AppDbContext db)
    {
        _ = db;
        builder.Entity<CommuneYearFigures>(e =>
        {
            e.ToTable("CommuneYearFigures");
            e.HasIndex(f => new { f.CommuneId, f.Year }).IsUnique();
            e.HasIndex(f => new { f.Year, f.Stale });
        });
    }
}
