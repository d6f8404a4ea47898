/*
 * A stand-in for the NVIDIA Management Library (libnvidia-ml.so.1), for tests and benchmarks on
 * machines without a GPU. It exports the NVML functions wsmon calls, with NVML's signatures and
 * return codes, and answers for made-up GPUs. The Maven build compiles it into target/standin.
 *
 * Variants, chosen at compile time:
 *   (default)              three GPUs; GPU 1 has no fan (NVML_ERROR_NOT_SUPPORTED, as on a passively
 *                          cooled card) and reading GPU 2's power draw fails (NVML_ERROR_UNKNOWN)
 *   -DSTANDIN_INIT_FAILS   nvmlInit_v2 fails with NVML_ERROR_DRIVER_NOT_LOADED
 *   -DSTANDIN_GPU_COUNT=0  initialises, but finds no GPU
 *
 * Like NVML, initialisation is reference counted and every query fails with
 * NVML_ERROR_UNINITIALIZED when the library is not initialised. Two functions that are not NVML let a
 * test check that: standin_init_calls() and standin_active_inits().
 */
#include <stddef.h>
#include <string.h>

#ifndef STANDIN_GPU_COUNT
#define STANDIN_GPU_COUNT 3
#endif

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_DRIVER_NOT_LOADED 9
#define NVML_ERROR_UNKNOWN 999

#define NVML_TEMPERATURE_GPU 0
#define NVML_CLOCK_GRAPHICS 0
#define NVML_CLOCK_MEM 2

#define GIB (1024ULL * 1024ULL * 1024ULL)

/* What NVML calls nvmlDevice_t: an opaque pointer. Here it points at one of these. */
struct nvmlDevice_st {
    const char *name;
    const char *uuid;
    unsigned long long memory_total;
    unsigned long long memory_used;
    unsigned int gpu_percent;
    unsigned int memory_percent;
    unsigned int temperature;
    int power_milliwatts;       /* < 0: the query fails */
    unsigned int power_limit_milliwatts;
    int fan_percent;            /* < 0: not supported */
    unsigned int clock_graphics;
    unsigned int clock_memory;
    unsigned int compute_processes;
};

typedef struct nvmlDevice_st *nvmlDevice_t;
typedef int nvmlReturn_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;

static struct nvmlDevice_st devices[3] = {
    {"NVIDIA Stand-in A100", "GPU-5ca1ab1e-0000-4000-8000-000000000000",
     40 * GIB, 10 * GIB, 45, 30, 65, 220500, 350000, 40, 1410, 1215, 2},
    {"NVIDIA Stand-in T4", "GPU-5ca1ab1e-0000-4000-8000-000000000001",
     16 * GIB, 4 * GIB, 12, 5, 48, 70250, 70000, -1, 585, 5000, 0},
    {"NVIDIA Stand-in RTX 4090", "GPU-5ca1ab1e-0000-4000-8000-000000000002",
     24 * GIB, 20 * GIB, 99, 80, 83, -1, 450000, 75, 2520, 10501, 5},
};

static const unsigned int gpu_count = STANDIN_GPU_COUNT;
static int active_inits;
static int init_calls;

int standin_init_calls(void) { return init_calls; }
int standin_active_inits(void) { return active_inits; }

nvmlReturn_t nvmlInit_v2(void) {
    init_calls++;
#ifdef STANDIN_INIT_FAILS
    return NVML_ERROR_DRIVER_NOT_LOADED;
#else
    active_inits++;
    return NVML_SUCCESS;
#endif
}

nvmlReturn_t nvmlShutdown(void) {
    if (active_inits == 0) {
        return NVML_ERROR_UNINITIALIZED;
    }
    active_inits--;
    return NVML_SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
    switch (result) {
    case NVML_SUCCESS: return "Success";
    case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
    case NVML_ERROR_INVALID_ARGUMENT: return "Invalid Argument";
    case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
    case NVML_ERROR_INSUFFICIENT_SIZE: return "Insufficient Size";
    case NVML_ERROR_DRIVER_NOT_LOADED: return "Driver Not Loaded";
    default: return "Unknown Error";
    }
}

/* Checks that the library is initialised and the handle is one of ours. */
static nvmlReturn_t check(nvmlDevice_t device) {
    if (active_inits == 0) {
        return NVML_ERROR_UNINITIALIZED;
    }
    if (device < devices || device >= devices + gpu_count) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    return NVML_SUCCESS;
}

/* Returns check()'s error from the calling function, if any. */
#define REQUIRE_DEVICE(device) \
    do { \
        nvmlReturn_t rc_ = check(device); \
        if (rc_ != NVML_SUCCESS) { \
            return rc_; \
        } \
    } while (0)

static nvmlReturn_t copy_string(const char *value, char *buffer, unsigned int length) {
    if (buffer == NULL) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    if (strlen(value) + 1 > length) {
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    strcpy(buffer, value);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (active_inits == 0) {
        return NVML_ERROR_UNINITIALIZED;
    }
    return copy_string("550.54.15", version, length);
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    if (active_inits == 0) {
        return NVML_ERROR_UNINITIALIZED;
    }
    *count = gpu_count;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (active_inits == 0) {
        return NVML_ERROR_UNINITIALIZED;
    }
    if (index >= gpu_count || device == NULL) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *device = &devices[index];
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    REQUIRE_DEVICE(device);
    return copy_string(device->name, name, length);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    REQUIRE_DEVICE(device);
    return copy_string(device->uuid, uuid, length);
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory) {
    REQUIRE_DEVICE(device);
    memory->total = device->memory_total;
    memory->used = device->memory_used;
    memory->free = device->memory_total - device->memory_used;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization) {
    REQUIRE_DEVICE(device);
    utilization->gpu = device->gpu_percent;
    utilization->memory = device->memory_percent;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, int sensor, unsigned int *temperature) {
    REQUIRE_DEVICE(device);
    if (sensor != NVML_TEMPERATURE_GPU) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *temperature = device->temperature;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *milliwatts) {
    REQUIRE_DEVICE(device);
    if (device->power_milliwatts < 0) {
        return NVML_ERROR_UNKNOWN;
    }
    *milliwatts = (unsigned int) device->power_milliwatts;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t device, unsigned int *milliwatts) {
    REQUIRE_DEVICE(device);
    *milliwatts = device->power_limit_milliwatts;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetFanSpeed(nvmlDevice_t device, unsigned int *percent) {
    REQUIRE_DEVICE(device);
    if (device->fan_percent < 0) {
        return NVML_ERROR_NOT_SUPPORTED;
    }
    *percent = (unsigned int) device->fan_percent;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t device, int type, unsigned int *mhz) {
    REQUIRE_DEVICE(device);
    switch (type) {
    case NVML_CLOCK_GRAPHICS: *mhz = device->clock_graphics; return NVML_SUCCESS;
    case NVML_CLOCK_MEM: *mhz = device->clock_memory; return NVML_SUCCESS;
    default: return NVML_ERROR_INVALID_ARGUMENT;
    }
}

/* As in NVML: when *count is smaller than the number of processes running, it is set to that number
 * and the call fails with NVML_ERROR_INSUFFICIENT_SIZE (infos may then be NULL). wsmon only asks for
 * the count, so the stand-in never fills infos. */
nvmlReturn_t nvmlDeviceGetComputeRunningProcesses(nvmlDevice_t device, unsigned int *count, void *infos) {
    REQUIRE_DEVICE(device);
    (void) infos;
    unsigned int running = device->compute_processes;
    nvmlReturn_t rc = *count < running ? NVML_ERROR_INSUFFICIENT_SIZE : NVML_SUCCESS;
    *count = running;
    return rc;
}
