using DisclosureCases.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class JobIncidentConfiguration : IEntityTypeConfiguration<JobIncident>
{
    public void Configure(EntityTypeBuilder<JobIncident> b)
    {
        // One incident per failed run, however often the listener is told about it.
        b.HasIndex(i => i.RunId).IsUnique();
        b.HasIndex(i => i.ResolvedAt);
        b.Property(i => i.JobName).HasMaxLength(150);
        b.Property(i => i.JobGroup).HasMaxLength(150);
        b.Property(i => i.Error).HasMaxLength(2000);
        b.Property(i => i.ResolvedBy).HasMaxLength(100);
        b.Property(i => i.Resolution).HasMaxLength(200);
        b.HasOne<JobRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
