using CongVu.Features.Organisation;
using CongVu.Infrastructure;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;

namespace CongVu.Features.Overview;

/// <summary>Finishes, in small batches, the stale or missing figures of this year and last year that pages left "đang cập nhật".</summary>
public sealed class CommuneFiguresRefresher(IServiceScopeFactory scopes, OrgTree tree, FiguresSignal signal, StartupGate gate, TimeProvider time, IConfiguration config, ILogger<CommuneFiguresRefresher> log) : BackgroundService
{
    private const int Batch = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before migrations and the start-up checks have run (StartupGate).
        await gate.Ready.WaitAsync(stoppingToken);
        if (!config.GetValue("Overview:Refresher", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Overview:RefreshSeconds", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
                await signal.WaitAsync(interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (database busy, restarting) must not stop the refresher: the next pass retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogWarning(e, "Refreshing commune figures failed; retrying later.");
                await Task.Delay(interval, time, stoppingToken);
            }
        }
    }

    /// <summary>One pass: every stale or missing row of this year and last year, a batch at a time.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        foreach (var year in new[] { today.Year, today.Year - 1 })
        {
            var communes = OverviewCommunes.ValidIn(snap, OverviewCommunes.All(snap), year);
            while (!ct.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
                var done = await scope.ServiceProvider.GetRequiredService<CommuneFiguresStore>().RefreshAsync(communes, year, Batch, ct);
                if (done < Batch)
                {
                    break;
                }
            }
        }
    }
}
