using Lathe.Torch.Runtime;
using TorchSharp;

namespace Lathe.Torch.Tests;

public class TorchLoadsTests
{
    [Fact]
    public void A_torch_operation_runs_in_this_process()
    {
        TorchRuntime.Initialize();
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var product = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, product.data<float>().ToArray());
    }

    [Fact]
    public void OpenMP_spinning_is_limited_unless_the_user_chose_a_policy()
    {
        TorchRuntime.Initialize();
        var userChose = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null;
        var spin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");
        if (!userChose) Assert.NotNull(spin);
    }
}
