// Each test starts a cluster of its own (three servers, Redis, Azurite): one at a time on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
