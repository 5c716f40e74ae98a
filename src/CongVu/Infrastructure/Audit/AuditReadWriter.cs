using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;

namespace CongVu.Infrastructure.Audit;

/// <summary>
/// Group commit for read-audit entries: concurrent reads of sensitive records wait for one shared
/// transaction instead of one each. A read still returns only after its entry is committed, so
/// durability is unchanged; under load many entries share the chain's gate and one fsync.
/// </summary>
public sealed class AuditReadWriter(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _lock = new();
    private List<(AuditEntry Entry, TaskCompletionSource Done)> _pending = [];

    public void Dispose() => _writer.Dispose();

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending.Add((entry, done));
        }

        // The entry is written even if the reader goes away: the record was read.
        _ = FlushAsync();
        return done.Task.WaitAsync(ct);
    }

    private async Task FlushAsync()
    {
        await _writer.WaitAsync();
        try
        {
            List<(AuditEntry Entry, TaskCompletionSource Done)> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.AuditEntries.AddRange(batch.Select(b => b.Entry));
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var item in batch)
                {
                    item.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var item in batch)
                {
                    item.Done.TrySetException(ex);
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }
}
