using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.CaseNumber).HasMaxLength(80);
        // The case-number order of the worklist (ORDER BY CaseNumber, Id) reads its page from this index alone:
        // SQLite's indexes end in the row id anyway; PostgreSQL carries the id as an included column, without which a
        // deep page visited every skipped case's row (2.6 ms at page 100 of a million-case agency, 1.5 from the index).
        b.HasIndex(c => new { c.AgencyId, c.CaseNumber }).IsUnique().IncludeProperties(c => c.Id);
        // The worklist filtered by state, soonest deadline first (ORDER BY NextDue, Id). With the id in the index a page
        // is read in order from the state's part of it; without it PostgreSQL walked the agency's whole deadline order
        // checking each entry's state (3.3 ms at page 100 of one state, 0.8 ms now; docs/benchmarks.md).
        b.HasIndex(c => new { c.AgencyId, c.State, c.NextDue, c.Id });
        // The worklist filtered by state in case-number order (ORDER BY CaseNumber, Id): read in order from the state's part
        // of this index. Without it SQLite read every case of the state and sorted them (已归档 at a million cases: 550,000
        // rows, 600 ms a page; docs/benchmarks.md).
        b.HasIndex(c => new { c.AgencyId, c.State, c.CaseNumber, c.Id });
        // A handler's cases, the open ones first: the worklist counts "mine" from the index alone, without visiting the
        // hundreds of thousands of archived rows a long-serving clerk has (docs/benchmarks.md, load run). The receipt date
        // and id after the state give the unassigned new cases (HandlerId IS NULL, State = 'received': "mine" of a user
        // with no cases of their own) newest first straight from the index; without them SQLite read all ~40,000 of
        // them and sorted (31,000 page reads, 65 ms a page at a million cases).
        b.HasIndex(c => new { c.AgencyId, c.HandlerId, c.Archived, c.State, c.ReceivedOn, c.Id });
        // The worklist's two orders read straight from an index: soonest deadline first (the dated cases, then with
        // NextDue IS NULL the undated), and newest receipt first. No sort of every open case per page (docs/benchmarks.md,
        // load run). The filters' columns (archived, handler, state) follow the order's, so that the rows a page skips
        // and the rows a filter drops are judged from the index alone: a page deep in the list read every skipped
        // case's row (12 ms at page 200 of a million-case agency, 1 ms from the index).
        b.HasIndex(c => new { c.AgencyId, c.NextDue, c.Id, c.Archived, c.HandlerId, c.State }).HasDatabaseName("IX_Cases_Worklist_Due");
        // The receipt order carries the next deadline too, for the 已超期 and 到期 filters: walked newest first and judged
        // from the index (25-45 ms at a million cases), where SQLite read every overdue case's row and sorted them (150-300 ms).
        b.HasIndex(c => new { c.AgencyId, c.ReceivedOn, c.Id, c.Archived, c.HandlerId, c.State, c.NextDue }).HasDatabaseName("IX_Cases_Worklist_Received");
        // Covering indexes for the reports (docs/benchmarks.md): the annual report's one pass reads dates, outcome and
        // applicant kind; the 时限报表 reads open cases by state and next deadline, and replies by dates and handler.
        b.HasIndex(c => new { c.AgencyId, c.ReceivedOn, c.RepliedOn, c.Outcome })
            .HasDatabaseName("IX_Cases_Report_Annual");
        b.HasIndex(c => new { c.AgencyId, c.Archived, c.State, c.NextDue, c.ReceivedOn })
            .HasDatabaseName("IX_Cases_Report_Open");
        b.HasIndex(c => new { c.AgencyId, c.RepliedOn, c.ReceivedOn, c.ReplyDue, c.DepartmentId, c.HandlerName })
            .HasDatabaseName("IX_Cases_Report_Replies");
        b.Property(c => c.WorkflowId).HasMaxLength(60);
        b.Property(c => c.WorkflowHash).HasMaxLength(64);
        b.Property(c => c.State).HasMaxLength(60);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.Purpose).HasMaxLength(1000);
        b.Property(c => c.Outcome).HasMaxLength(60);
        b.Property(c => c.OutcomeReasons).HasMaxLength(4000);
        b.Property(c => c.HandlerId).HasMaxLength(450);
        b.Property(c => c.HandlerName).HasMaxLength(100);
        b.Property(c => c.NextDueKey).HasMaxLength(40);
        b.Property(c => c.UpdatedBy).HasMaxLength(100);
        b.Property(c => c.AuditHead).HasMaxLength(64);
        b.OwnsOne(c => c.Applicant, a =>
        {
            a.Property(x => x.Name).HasMaxLength(200).HasColumnName("ApplicantName");
            a.Property(x => x.Kind).HasColumnName("ApplicantKind");
            a.Property(x => x.OrganizationKind).HasColumnName("ApplicantOrganizationKind");
            a.Property(x => x.IdType).HasColumnName("ApplicantIdType");
            a.Property(x => x.IdNumber).HasMaxLength(40).HasColumnName("ApplicantIdNumber");
            a.Property(x => x.ContactPerson).HasMaxLength(100).HasColumnName("ApplicantContactPerson");
            a.Property(x => x.Phone).HasMaxLength(30).HasColumnName("ApplicantPhone");
            a.Property(x => x.Email).HasMaxLength(200).HasColumnName("ApplicantEmail");
            a.Property(x => x.Address).HasMaxLength(300).HasColumnName("ApplicantAddress");
            a.Property(x => x.PostalCode).HasMaxLength(10).HasColumnName("ApplicantPostalCode");
            // Indexed with the agency and the date of receipt by a hand-written migration (Data/IndexMigrations).
        });
        b.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.ClockEvents).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Mailings).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
