namespace DisclosureCases.Data;

/// <summary>
/// The running application's hold on a SQLite installation: an exclusive lock on <c>&lt;database&gt;.lock</c> beside the
/// database file, taken at start and released when the application stops — or dies: the operating system releases the
/// lock of a killed process, so unlike a pid file it never goes stale. <c>disclosure restore</c> refuses while it is held,
/// and a second application started on the same file stops with a message (SQLite serves one node, docs/decisions/0002).
/// </summary>
public sealed class SqliteInstallationLock : IDisposable
{
    readonly FileStream _held;

    SqliteInstallationLock(FileStream held) => _held = held;

    public static string LockFile(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static SqliteInstallationLock? TryAcquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux, a sharing lock on Windows.
            return new SqliteInstallationLock(new FileStream(LockFile(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The lock for the application: taken, or an exception whose message says what to do.</summary>
    public static SqliteInstallationLock Acquire(string databasePath) =>
        TryAcquire(databasePath) ?? throw new InvalidOperationException(
            $"另一个应用进程正在使用数据库 {databasePath}（锁文件 {LockFile(databasePath)} 被占用）：SQLite 只能由一个节点使用，" +
            "多节点请改用 PostgreSQL。 (Another application process holds this SQLite database.)");

    public void Dispose() => _held.Dispose();
}
