using System.Threading.Channels;

namespace CongVu.Features.Organisation.Import;

/// <summary>Batch ids waiting for the worker: to be checked (state Queued) or imported (state Importing).</summary>
public sealed class ImportJobs
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<int> Reader => _channel.Reader;

    public void Enqueue(int batchId) => _channel.Writer.TryWrite(batchId);
}
