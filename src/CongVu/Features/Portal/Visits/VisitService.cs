using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using CongVu.Infrastructure;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.Visits;

/// <summary>
/// The visitor counter of the process: hashes visitors with the day's salt (raw IPs never leave this
/// method), counts in memory and writes the rolled-up increments in one transaction per batch.
/// One writer per database is assumed (one app process), as for the rest of the app.
/// </summary>
public sealed class VisitService(IServiceScopeFactory scopes, TimeProvider time, ILogger<VisitService> log) : IDisposable
{
    private readonly VisitCounter _counter = new(time);
    private readonly SemaphoreSlim _db = new(1, 1);
    private readonly Lock _saltGate = new();
    private readonly Dictionary<DateOnly, byte[]> _salts = [];
    private readonly HashSet<DateOnly> _unsavedSalts = [];
    private volatile bool _saltsLoaded;

    public VisitCounter Counter => _counter;

    public void Dispose() => _db.Dispose();

    /// <summary>Counts one page view of a commune's portal.</summary>
    public async ValueTask RecordAsync(string commune, string clientIp, string userAgent, string path, CancellationToken ct)
    {
        if (!_saltsLoaded)
        {
            await LoadSaltsAsync(ct);
        }

        var local = VietnamTime.ToLocal(time.GetUtcNow().UtcDateTime);
        var today = DateOnly.FromDateTime(local);
        byte[] salt;
        byte[]? previous;
        lock (_saltGate)
        {
            if (!_salts.TryGetValue(today, out salt!))
            {
                salt = RandomNumberGenerator.GetBytes(32);
                _salts[today] = salt;
                _unsavedSalts.Add(today);
            }

            // Yesterday's id matters only just after midnight, while the visitor can still be online under it: a second hash otherwise.
            previous = local.TimeOfDay <= VisitCounter.OnlineWindow ? _salts.GetValueOrDefault(today.AddDays(-1)) : null;
        }

        var length = Encoding.UTF8.GetMaxByteCount(commune.Length + clientIp.Length + userAgent.Length + 2);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented ?? stackalloc byte[1024];
        try
        {
            var visitor = buffer[..Encode(commune, clientIp, userAgent, buffer)];
            var id = KnownId(salt, visitor);
            UInt128? previousId = previous is null ? null : Mac(previous, visitor);
            _counter.Record(commune, id, path, previousId);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The visitor's id for the day: the first 128 bits of HMAC-SHA256(salt, "commune\nip\nagent").</summary>
    public static UInt128 VisitorId(byte[] salt, string commune, string clientIp, string userAgent)
    {
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(commune.Length + clientIp.Length + userAgent.Length + 2)];
        return Mac(salt, buffer.AsSpan(0, Encode(commune, clientIp, userAgent, buffer)));
    }

    // Ids under the current salt by a fingerprint of the visitor's bytes (random per-process seed): a repeat view costs
    // a fast hash instead of an HMAC. In memory only, bounded, and dropped when the salt changes (at midnight).
    private const int KnownIdsLimit = 50_000;
    private readonly ConcurrentDictionary<UInt128, UInt128> _knownIds = new();
    private readonly long _fingerprintSeed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
    private byte[]? _knownIdsSalt;

    private UInt128 KnownId(byte[] salt, ReadOnlySpan<byte> visitor)
    {
        if (!ReferenceEquals(salt, Volatile.Read(ref _knownIdsSalt)))
        {
            lock (_saltGate)
            {
                if (!ReferenceEquals(salt, _knownIdsSalt))
                {
                    _knownIds.Clear();
                    Volatile.Write(ref _knownIdsSalt, salt);
                }
            }
        }

        var fingerprint = XxHash128.HashToUInt128(visitor, _fingerprintSeed);
        if (_knownIds.TryGetValue(fingerprint, out var id))
        {
            return id;
        }

        id = Mac(salt, visitor);
        if (_knownIds.Count < KnownIdsLimit)
        {
            _knownIds[fingerprint] = id;
        }

        return id;
    }

    private static int Encode(string commune, string clientIp, string userAgent, Span<byte> buffer)
    {
        var n = Encoding.UTF8.GetBytes(commune, buffer);
        buffer[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(clientIp, buffer[n..]);
        buffer[n++] = (byte)'\n';
        return n + Encoding.UTF8.GetBytes(userAgent, buffer[n..]);
    }

    private static UInt128 Mac(byte[] salt, ReadOnlySpan<byte> visitor)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(salt, visitor, mac);
        return BinaryPrimitives.ReadUInt128LittleEndian(mac[..16]);
    }

    public async Task<VisitFigures> FiguresAsync(string commune, CancellationToken ct)
    {
        if (!_counter.HasBaseline(commune))
        {
            await _db.WaitAsync(ct);
            try
            {
                if (!_counter.HasBaseline(commune))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var offset = await db.Set<PortalVisitOffset>().AsNoTracking().Where(o => o.Commune == commune).Select(o => (long?)o.AllTime).FirstOrDefaultAsync(ct) ?? 0;
                    var days = await db.Set<PortalVisitDay>().AsNoTracking().Where(d => d.Commune == commune).Select(d => new { d.Day, d.Visits }).ToListAsync(ct);
                    _counter.SetBaseline(commune, offset, days.ToDictionary(d => d.Day, d => d.Visits));
                }
            }
            finally
            {
                _db.Release();
            }
        }

        return _counter.Figures(commune);
    }

    /// <summary>Forgets the loaded totals of a commune (after its offset or history changed in the database).</summary>
    public async Task ReloadAsync(string commune, CancellationToken ct)
    {
        await _db.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var offset = await db.Set<PortalVisitOffset>().AsNoTracking().Where(o => o.Commune == commune).Select(o => (long?)o.AllTime).FirstOrDefaultAsync(ct) ?? 0;
            var days = await db.Set<PortalVisitDay>().AsNoTracking().Where(d => d.Commune == commune).Select(d => new { d.Day, d.Visits }).ToListAsync(ct);
            _counter.SetBaseline(commune, offset, days.ToDictionary(d => d.Day, d => d.Visits));
        }
        finally
        {
            _db.Release();
        }
    }

    /// <summary>Writes the pending counts and new salts in one transaction, and deletes salts past 48 hours.</summary>
    public async Task FlushAsync(CancellationToken ct) => await FlushAsync(shuttingDown: false, ct);

    /// <summary>As <see cref="FlushAsync(CancellationToken)"/>; at shutdown also keeps the open visits for the next start.</summary>
    public async Task FlushAsync(bool shuttingDown, CancellationToken ct)
    {
        await _db.WaitAsync(ct);
        VisitBatch? batch = null;
        try
        {
            var today = VietnamTime.Today(time);
            List<(DateOnly Day, byte[] Salt)> newSalts;
            lock (_saltGate)
            {
                // A day's salt serves that day and, for continuity, the next; then it is gone.
                foreach (var old in _salts.Keys.Where(d => d < today.AddDays(-1)).ToList())
                {
                    _salts.Remove(old);
                    _unsavedSalts.Remove(old);
                }

                newSalts = _unsavedSalts.Select(d => (d, _salts[d])).ToList();
            }

            batch = _counter.Drain();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var cutoff = today.AddDays(-1);
            await db.Set<PortalVisitSalt>().Where(s => s.Day < cutoff).ExecuteDeleteAsync(ct);
            foreach (var (day, salt) in newSalts)
            {
                if (!await db.Set<PortalVisitSalt>().AnyAsync(s => s.Day == day, ct))
                {
                    db.Set<PortalVisitSalt>().Add(new PortalVisitSalt { Day = day, Salt = salt, CreatedAt = time.GetUtcNow().UtcDateTime });
                }
            }

            if (shuttingDown)
            {
                await db.Set<PortalVisitSession>().ExecuteDeleteAsync(ct);
                foreach (var (commune, visitor, lastSeen) in _counter.ActiveSessions())
                {
                    db.Set<PortalVisitSession>().Add(new PortalVisitSession { Commune = commune, Visitor = visitor.ToString("X32", System.Globalization.CultureInfo.InvariantCulture), LastSeen = lastSeen });
                }
            }

            await db.SaveChangesAsync(ct);
            if (batch is not null)
            {
                await WriteAsync(db, batch, ct);
            }

            await tx.CommitAsync(ct);
            lock (_saltGate)
            {
                foreach (var (day, _) in newSalts)
                {
                    _unsavedSalts.Remove(day);
                }
            }

            if (batch is not null)
            {
                _counter.Acknowledge(batch);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException or ObjectDisposedException)
        {
            // Nothing of the batch was committed: it goes back to pending and is written with the next.
            if (batch is not null)
            {
                _counter.Restore(batch);
            }

            log.LogWarning(e, "Visit counts not written yet; will retry.");
            if (e is OperationCanceledException)
            {
                throw;
            }
        }
        finally
        {
            _db.Release();
        }
    }

    // Increments run as UPDATE … SET n = n + k, so a total is never overwritten with a stale value.
    private static async Task WriteAsync(AppDbContext db, VisitBatch batch, CancellationToken ct)
    {
        foreach (var ((commune, hour), (visits, views)) in batch.Hours)
        {
            var n = await db.Set<PortalVisitHour>().Where(h => h.Commune == commune && h.HourUtc == hour)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Visits, h => h.Visits + visits).SetProperty(h => h.Views, h => h.Views + views), ct);
            if (n == 0)
            {
                db.Set<PortalVisitHour>().Add(new PortalVisitHour { Commune = commune, HourUtc = hour, Visits = visits, Views = views });
            }
        }

        foreach (var ((commune, day), (visits, views)) in batch.Days)
        {
            var n = await db.Set<PortalVisitDay>().Where(h => h.Commune == commune && h.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Visits, h => h.Visits + visits).SetProperty(h => h.Views, h => h.Views + views), ct);
            if (n == 0)
            {
                db.Set<PortalVisitDay>().Add(new PortalVisitDay { Commune = commune, Day = day, Visits = visits, Views = views });
            }
        }

        foreach (var ((commune, day, path), views) in batch.Pages)
        {
            var n = await db.Set<PortalVisitPage>().Where(h => h.Commune == commune && h.Day == day && h.Path == path)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Views, h => h.Views + views), ct);
            if (n == 0)
            {
                db.Set<PortalVisitPage>().Add(new PortalVisitPage { Commune = commune, Day = day, Path = path, Views = views });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task LoadSaltsAsync(CancellationToken ct)
    {
        await _db.WaitAsync(ct);
        try
        {
            if (_saltsLoaded)
            {
                return;
            }

            var yesterday = VietnamTime.Today(time).AddDays(-1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Set<PortalVisitSalt>().AsNoTracking().Where(s => s.Day >= yesterday).ToListAsync(ct);
            lock (_saltGate)
            {
                foreach (var r in rows)
                {
                    _salts.TryAdd(r.Day, r.Salt);
                }
            }

            // Visits left open by a planned restart continue instead of counting again.
            var sessions = await db.Set<PortalVisitSession>().AsNoTracking().ToListAsync(ct);
            _counter.ResumeSessions(sessions.Select(x => (x.Commune, UInt128.Parse(x.Visitor, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture), x.LastSeen)));
            await db.Set<PortalVisitSession>().ExecuteDeleteAsync(ct);
            _saltsLoaded = true;
        }
        finally
        {
            _db.Release();
        }
    }
}

/// <summary>Writes the counts every few seconds, and once more on shutdown.</summary>
public sealed class VisitFlusher(VisitService visits, StartupGate gate, IConfiguration config) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before migrations and the start-up checks have run (StartupGate).
        await gate.Ready.WaitAsync(stoppingToken);
        var seconds = Math.Clamp(config.GetValue("Portal:FlushSeconds", 5), 1, 300);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await visits.FlushAsync(stoppingToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await visits.FlushAsync(shuttingDown: true, CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // The services are already gone (a second stop): there is nothing left to write with.
        }
    }
}
