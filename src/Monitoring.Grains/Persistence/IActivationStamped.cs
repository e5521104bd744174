namespace Monitoring.Grains.Persistence;

/// <summary>Grain state that names the activation which wrote it last (see <see cref="ActivationStateWriter{TState}"/>).</summary>
public interface IActivationStamped
{
    Guid WrittenBy { get; set; }
}
