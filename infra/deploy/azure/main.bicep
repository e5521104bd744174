// The managed services the server uses in production: an Azure Storage account (Azure Tables: grain state, alarm
// log, full-disclosure waveforms, reminders) and Azure Cache for Redis (Orleans cluster membership). The server runs
// on Kubernetes (../kubernetes); its secret takes the connection strings of these two resources.
//   az deployment group create -g RG -f infra/deploy/azure/main.bicep -p namePrefix=ecgprov
@description('Prefix of the resource names (lowercase letters and digits).')
param namePrefix string

param location string = resourceGroup().location

@description('Zone-redundant storage keeps full disclosure through the loss of a zone.')
param storageSku string = 'Standard_ZRS'

@description('Redis holds only the membership table (a few keys written every few seconds per silo): the smallest Standard (replicated) cache is enough.')
param redisCapacity int = 1

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${namePrefix}store'
  location: location
  sku: {
    name: storageSku
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: '${namePrefix}-redis'
  location: location
  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: redisCapacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

// Names only: keys are read with az (see ../kubernetes/secret.example.yaml), never put in deployment outputs.
output storageAccountName string = storage.name
output redisHostName string = redis.properties.hostName
output redisSslPort int = redis.properties.sslPort
