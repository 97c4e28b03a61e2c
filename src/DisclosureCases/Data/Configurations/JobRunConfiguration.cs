using DisclosureCases.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasIndex(r => r.FireInstanceId).IsUnique();
        b.HasIndex(r => r.StartedAt);
        b.HasIndex(r => new { r.Outcome, r.StartedAt });
        b.Property(r => r.FireInstanceId).HasMaxLength(140);
        b.Property(r => r.JobName).HasMaxLength(150);
        b.Property(r => r.JobGroup).HasMaxLength(150);
        b.Property(r => r.TriggerName).HasMaxLength(150);
        b.Property(r => r.TriggerGroup).HasMaxLength(150);
        b.Property(r => r.Node).HasMaxLength(200);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.Property(r => r.Data).HasMaxLength(2000);
        b.Property(r => r.RequestedBy).HasMaxLength(450);
    }
}
