# Run by the CTest test `package_consumer` (see tests/CMakeLists.txt) as `cmake -D... -P run.cmake`:
#   1. cmake --install <this build tree> --prefix <GPU_ND_PREFIX>
#   2. configure tests/package_consumer/ against that prefix (find_package(gpu_ndarray CONFIG)),
#      with the same host compiler and generator,
#   3. build it, 4. run it.
# Any failure is a FATAL_ERROR, which makes the test fail.
cmake_minimum_required(VERSION 3.24)

foreach(var GPU_ND_BUILD_DIR GPU_ND_PREFIX GPU_ND_CONSUMER_SOURCE_DIR GPU_ND_CONSUMER_BINARY_DIR
            GPU_ND_GENERATOR GPU_ND_CXX_COMPILER GPU_ND_VERSION)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "run.cmake: ${var} is not set")
    endif()
endforeach()

function(run_step what)
    string(REPLACE ";" " " shown "${ARGN}")
    message(STATUS "package_consumer: ${what}\n    ${shown}")
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "package_consumer: ${what} failed (${rc})")
    endif()
endfunction()

# Start from nothing: no stale headers in the prefix, no stale cache in the consumer's build.
file(REMOVE_RECURSE "${GPU_ND_PREFIX}" "${GPU_ND_CONSUMER_BINARY_DIR}")

set(config_args)
if(NOT "${GPU_ND_CONFIG}" STREQUAL "")
    set(config_args --config "${GPU_ND_CONFIG}")
endif()

# 1. Install.
run_step("install the library into ${GPU_ND_PREFIX}"
    "${CMAKE_COMMAND}" --install "${GPU_ND_BUILD_DIR}" --prefix "${GPU_ND_PREFIX}" ${config_args})

# 2. Configure the consumer.
set(configure_args
    -S "${GPU_ND_CONSUMER_SOURCE_DIR}"
    -B "${GPU_ND_CONSUMER_BINARY_DIR}"
    -G "${GPU_ND_GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${GPU_ND_CXX_COMPILER}"
    "-DCMAKE_PREFIX_PATH=${GPU_ND_PREFIX}"
    "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"
    "-DGPU_ND_EXPECTED_PREFIX=${GPU_ND_PREFIX}"
    "-DGPU_ND_EXPECTED_VERSION=${GPU_ND_VERSION}")
if(NOT "${GPU_ND_GENERATOR_PLATFORM}" STREQUAL "")
    list(APPEND configure_args -A "${GPU_ND_GENERATOR_PLATFORM}")
endif()
if(NOT "${GPU_ND_GENERATOR_TOOLSET}" STREQUAL "")
    list(APPEND configure_args -T "${GPU_ND_GENERATOR_TOOLSET}")
endif()
if(NOT "${GPU_ND_MAKE_PROGRAM}" STREQUAL "")
    list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${GPU_ND_MAKE_PROGRAM}")
endif()
if(NOT "${GPU_ND_CONFIG}" STREQUAL "")
    list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${GPU_ND_CONFIG}")
endif()
if(NOT "${GPU_ND_CUDA_ROOT}" STREQUAL "")
    list(APPEND configure_args "-DCUDAToolkit_ROOT=${GPU_ND_CUDA_ROOT}")
endif()
run_step("configure the consumer project" "${CMAKE_COMMAND}" ${configure_args})

# 3. Build it.
run_step("build the consumer project"
    "${CMAKE_COMMAND}" --build "${GPU_ND_CONSUMER_BINARY_DIR}" ${config_args})

# 4. Run it (and its separately compiled twin, when the package has gpu::ndarray_separate). The
#    consumer project writes the paths of its executables, per configuration.
set(path_file "${GPU_ND_CONSUMER_BINARY_DIR}/consumer_path_${GPU_ND_CONFIG}.txt")
if(NOT EXISTS "${path_file}")
    message(FATAL_ERROR "package_consumer: ${path_file} was not generated")
endif()
file(READ "${path_file}" consumer_exes)
string(STRIP "${consumer_exes}" consumer_exes)
foreach(exe IN LISTS consumer_exes)
    if(exe)
        run_step("run ${exe}" "${exe}")
    endif()
endforeach()

message(STATUS "package_consumer: OK")
