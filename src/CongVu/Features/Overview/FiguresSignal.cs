namespace CongVu.Features.Overview;

/// <summary>Wakes the background refresher early when a page left rows "đang cập nhật" for it to finish.</summary>
public sealed class FiguresSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already raised: one wake-up is enough.
        }
    }

    /// <summary>Waits for a signal or the interval (on the app's clock), whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(interval, time, timeout.Token);
        var signalled = _signal.WaitAsync(timeout.Token);
        await Task.WhenAny(delay, signalled);
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}
