using System.Runtime.CompilerServices;
using CongVu.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongVu.Infrastructure.Data;

/// <summary>
/// A counter that moves whenever this process commits a change to the records: caches of computed
/// figures key on it, so a cached figure is never served after a write it does not include.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>Bumps <see cref="DataVersion"/> after a save that changed records other than audit entries and visitor counts.</summary>
public sealed class DataVersionInterceptor(DataVersion version) : SaveChangesInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    // A failed save may have committed part of a batch on some providers: bump then too.
    private void Done(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            version.Bump();
        }
    }

    // Audit entries and visitor counters change no figure a cache holds (the visitor box is always read live).
    private static bool Counts(Type type) =>
        type != typeof(AuditEntry) && type.Namespace?.StartsWith("CongVu.Features.Portal.Visits", StringComparison.Ordinal) != true;
}
