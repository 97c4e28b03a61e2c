using System.Globalization;
using DisclosureCases.Cases;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary><see cref="DeadlinesRecompute"/> for the calendar change named in the job data (<see cref="JobDataKeys.CalendarChange"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DeadlinesRecomputeJob(DeadlinesRecompute recompute) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!context.MergedJobDataMap.TryGetString(JobDataKeys.CalendarChange, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var changeId))
            throw new JobInputException("任务数据缺少节假日安排变更编号（calendarChange）");
        context.Result = await recompute.RunAsync(changeId, cancellationToken);
    }
}
