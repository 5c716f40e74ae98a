using System.Runtime.CompilerServices;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CongVu.Features.Overview;

/// <summary>
/// Marks the pre-computed figures of the communes a save touches as stale, inside the save's own
/// transaction: the rows a write changes and the stale mark commit together or not at all.
/// SavingChanges collects the communes (the entries' states are gone after the save) and opens a
/// transaction if the caller has none; the mark runs last in that transaction, just before commit, so
/// the gap in which a row created meanwhile could miss it is as short as it can be.
/// </summary>
public sealed class StaleFiguresInterceptor(OrgTree tree) : SaveChangesInterceptor
{
    private sealed class Pending
    {
        public bool All { get; set; }

        public HashSet<int> Communes { get; } = [];

        public IDbContextTransaction? Owned { get; set; }

        public bool Savepoints { get; set; } = true;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        var pending = await CollectAsync(context, cancellationToken);
        if (pending is not null)
        {
            if (context.Database.CurrentTransaction is null)
            {
                pending.Owned = await context.Database.BeginTransactionAsync(cancellationToken);
                // The transaction is ours alone: a savepoint inside it would only add two round trips.
                pending.Savepoints = context.Database.AutoSavepointsEnabled;
                context.Database.AutoSavepointsEnabled = false;
            }

            _pending.AddOrUpdate(context, pending);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }

        _pending.Remove(context);
        try
        {
            await MarkAsync(context, pending, cancellationToken);
            if (pending.Owned is not null)
            {
                await pending.Owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await ReleaseAsync(context, pending);
        }

        // The refresher is not woken here: under a stream of writes (citizens' feedback) it would recompute the
        // commune's whole summary after every save. Its next pass (Overview:RefreshSeconds) or a page read picks the row up.
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            await ReleaseAsync(context, pending);
        }
    }

    private static async Task ReleaseAsync(DbContext context, Pending pending)
    {
        if (pending.Owned is not null)
        {
            context.Database.AutoSavepointsEnabled = pending.Savepoints;
            await pending.Owned.DisposeAsync();
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // AppDbContext sends synchronous saves through SaveChangesAsync, so only the async path needs the mark.
    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.Owned is not null)
            {
                context.Database.AutoSavepointsEnabled = pending.Savepoints;
                pending.Owned.Dispose();
            }
        }
    }

    private static Task<int> MarkAsync(DbContext context, Pending pending, CancellationToken ct)
    {
        var rows = context.Set<CommuneYearFigures>().AsQueryable();
        if (!pending.All)
        {
            var ids = pending.Communes.ToArray();
            rows = rows.Where(f => ids.Contains(f.CommuneId));
        }

        // Every mark bumps the revision, stale or not, so a recomputation that read the row earlier is refused.
        return rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, true).SetProperty(f => f.Revision, f => f.Revision + 1), ct);
    }

    private async Task<Pending?> CollectAsync(DbContext context, CancellationToken ct)
    {
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Ignored(e.Metadata.ClrType))
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var snap = await tree.GetAsync(ct);
        var pending = new Pending();
        foreach (var entry in entries)
        {
            if (pending.All)
            {
                break;
            }

            var type = entry.Metadata.ClrType;
            if (type == typeof(OrgUnit) || type == typeof(OrgUnitSuccession))
            {
                pending.All = true;
            }
            else if (entry.Entity is IOrgOwned owned)
            {
                AddUnit(pending, snap, owned.OrgUnitId);
                if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(nameof(IOrgOwned.OrgUnitId)) is { } unitProperty
                    && entry.Property(unitProperty).OriginalValue is int before && before != owned.OrgUnitId)
                {
                    AddUnit(pending, snap, before);
                }
            }
            else if (!await AddOwnerAsync(context, entry, pending, snap, ct))
            {
                // Reference data (conduct code, schedules, indicator definitions...) may change every commune's figures.
                pending.All = true;
            }
        }

        return pending.All || pending.Communes.Count > 0 ? pending : null;
    }

    // A child row (a pledge's items, a review's scores) belongs to the commune of the unit-owned row it points to.
    private static async Task<bool> AddOwnerAsync(DbContext context, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Pending pending, OrgTreeSnapshot snap, CancellationToken ct)
    {
        var found = false;
        foreach (var fk in entry.Metadata.GetForeignKeys())
        {
            var principal = fk.PrincipalEntityType.ClrType;
            var isUnit = principal == typeof(OrgUnit);
            if (!isUnit && !typeof(IOrgOwned).IsAssignableFrom(principal))
            {
                continue;
            }

            var values = fk.Properties
                .Select(p => entry.State == EntityState.Deleted ? entry.Property(p).OriginalValue : entry.Property(p).CurrentValue)
                .ToArray();
            if (values.Any(v => v is null))
            {
                continue;
            }

            if (isUnit && values is [int unitId])
            {
                AddUnit(pending, snap, unitId);
                found = true;
            }
            else if (!isUnit && await context.FindAsync(principal, values, ct) is IOrgOwned owner)
            {
                AddUnit(pending, snap, owner.OrgUnitId);
                found = true;
            }
        }

        return found;
    }

    private static void AddUnit(Pending pending, OrgTreeSnapshot snap, int unitId)
    {
        if (snap.Find(unitId) is null)
        {
            pending.All = true;
            return;
        }

        var commune = snap.CommuneOf(unitId);
        var start = commune is null
            ? snap.Nodes(snap.Scope(unitId)).Where(n => n.Kind == OrgUnitKind.Commune).ToList()
            : [commune];
        // A merged commune's figures draw on its predecessors', so successors go stale too.
        var queue = new Queue<OrgNode>(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (pending.Communes.Add(node.Id))
            {
                foreach (var next in snap.Successors(node.Id))
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    // Audit entries, visitor counters, accounts, the app's own bookkeeping and the figures themselves change no public figure.
    private static bool Ignored(Type type) =>
        type == typeof(AuditEntry)
        || type == typeof(AppStateEntry)
        || type == typeof(CommuneYearFigures)
        || type == typeof(AppUser)
        || type.Namespace?.StartsWith("CongVu.Features.Portal.Visits", StringComparison.Ordinal) == true
        || type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true;
}
