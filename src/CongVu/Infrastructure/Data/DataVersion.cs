using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CongVu.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongVu.Infrastructure.Data;

/// <summary>
/// A counter that moves whenever this process commits a change to the records: caches of computed
/// figures key on it, so a cached figure is never served after a write it does not include. Each record
/// type has a counter of its own too, for caches that depend on a few types only.
/// </summary>
public sealed class DataVersion
{
    private readonly ConcurrentDictionary<Type, long> _byType = new();
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    /// <summary>How many committed saves changed records of this type (its CLR type, as EF tracks it).</summary>
    public long Of(Type recordType) => _byType.GetValueOrDefault(recordType);

    public void Bump() => Interlocked.Increment(ref _value);

    public void Bump(IEnumerable<Type> recordTypes)
    {
        foreach (var type in recordTypes)
        {
            _byType.AddOrUpdate(type, 1, (_, v) => v + 1);
        }

        Bump();
    }
}

/// <summary>
/// Bumps <see cref="DataVersion"/> after a save that changed records other than audit entries and visitor counts,
/// once it is committed: a save inside the caller's transaction bumps when that transaction commits, so a cache
/// never stores, under the new version, figures read before the change was visible.
/// </summary>
public sealed class DataVersionInterceptor(DataVersion version) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _uncommitted = new();

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

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    // A rollback changed nothing, but bumping costs only a recomputation and covers providers that commit part of a batch.
    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Metadata.ClrType))
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        if (types.Count > 0)
        {
            _pending.AddOrUpdate(context, types);
        }
    }

    // A failed save may have committed part of a batch on some providers: bump then too.
    private void Done(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var types))
        {
            return;
        }

        _pending.Remove(context);
        if (context.Database.CurrentTransaction is null)
        {
            version.Bump(types);
        }
        else if (_uncommitted.TryGetValue(context, out var earlier))
        {
            earlier.UnionWith(types);
        }
        else
        {
            _uncommitted.AddOrUpdate(context, types);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var types))
        {
            _uncommitted.Remove(context);
            version.Bump(types);
        }
    }

    // Audit entries and visitor counters change no figure a cache holds (the visitor box is always read live).
    private static bool Counts(Type type) =>
        type != typeof(AuditEntry) && type.Namespace?.StartsWith("CongVu.Features.Portal.Visits", StringComparison.Ordinal) != true;
}
