using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CongVu.Features.Organisation.Import;

/// <summary>Batch ids waiting for the worker: to be checked (state Queued) or imported (state Importing).</summary>
public sealed class ImportJobs
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<int> Reader => _channel.Reader;

    public void Enqueue(int batchId) => _channel.Writer.TryWrite(batchId);

    // An import runs in one transaction, so its progress cannot be written to the batch row until it commits: it is kept here.
    private readonly ConcurrentDictionary<int, int> _imported = new();

    public void ReportImported(int batchId, int rows) => _imported[batchId] = rows;

    public int? ImportedSoFar(int batchId) => _imported.TryGetValue(batchId, out var rows) ? rows : null;

    public void Finished(int batchId) => _imported.TryRemove(batchId, out _);
}
