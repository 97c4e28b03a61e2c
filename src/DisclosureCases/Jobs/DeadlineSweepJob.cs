using DisclosureCases.Cases;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>The daily (and on-demand) <see cref="DeadlineSweep"/>. No input: it sweeps as of today.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSweepJob(DeadlineSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweep.RunAsync(cancellationToken);
}
