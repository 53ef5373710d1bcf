using System.Data.Common;

namespace Lathe.Storage;

/// <summary>One connection (and maybe a transaction) with short ways to run parameterized statements ("@name" parameters).</summary>
public sealed class SqlSession(DbConnection connection, DbTransaction? transaction = null) : IDisposable
{
    public DbTransaction? Transaction { get; } = transaction;

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() is var v && v is DBNull ? null : v;
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    public void Commit() => Transaction?.Commit();

    public void Dispose()
    {
        Transaction?.Dispose();
        connection.Dispose();
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i));
}
