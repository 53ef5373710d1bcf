using Lathe.Tuning.Storage;

namespace Lathe.Tuning.Studies;

/// <summary>
/// Beats for one running trial on a thread of its own. Not a thread-pool timer: training saturates the pool
/// (Parallel.For in trees and kernels), and a starved timer would let a live trial look dead.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public Heartbeat(IStudyStorage storage, long trialId, TimeSpan period, Action<string>? log)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(period))
            {
                try
                {
                    storage.Heartbeat(trialId);
                }
                catch (Exception e)
                {
                    // A missed beat is harmless unless they stay missing past the grace period; the trial goes on.
                    log?.Invoke($"heartbeat of trial id {trialId} failed: {e.Message}");
                }
            }
        })
        { IsBackground = true, Name = $"lathe heartbeat {trialId}" };
        _thread.Start();
    }

    /// <summary>Stops beating and waits for a beat in flight, so none lands after the trial ended.</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
