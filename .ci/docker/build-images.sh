#!/usr/bin/env bash
# Builds the stand-in Kafka image from Maven Central jars on a locally made
# Debian base (no registry needed) under local names of this project, never a public image's name (a public
# name would shadow the real image for every later docker-compose or Testcontainers run on this machine):
#   user-activity-kafka/kafka-standin:<hash>      stands in for apache/kafka (Testcontainers' KafkaContainer)
#   user-activity-kafka/cp-kafka-standin:<hash>   stands in for confluentinc/cp-kafka (docker-compose.yml)
# <hash> is the content hash of everything that goes into the image; all work is skipped when both exist.
# Prints on stdout what to export so that compose and the tests use them:
#   KAFKA_IMAGE=user-activity-kafka/cp-kafka-standin:<hash>      (docker-compose.yml's ${KAFKA_IMAGE:-...})
#   KAFKA_TEST_IMAGE=user-activity-kafka/kafka-standin:<hash>    (TestKafka, Testcontainers)
# Also removes the public-name tags (apache/kafka, confluentinc/cp-kafka) that earlier versions of this
# script left on this machine, when, and only when, they carry this script's label.
#
# Env (all optional):
#   KAFKA_VERSION      Kafka jars to fetch (default 4.4.0)
#   CP_KAFKA_TAG       cp-kafka tag to provide (default 8.3.0)
#   CI_DOCKER_CACHE    cache dir for the debootstrap tarball (default ~/.cache/ci-docker)
#   DEBIAN_MIRROR      mirror for debootstrap (default http://deb.debian.org/debian)
#   FORCE_REBUILD=1    ignore the hash label and rebuild (docker's layer cache still applies)
# Needs: a running dockerd (install-docker.sh), debootstrap, mvn, unzip or jar.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGE_SRC="$HERE/kafka-image"
KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
CP_KAFKA_TAG="${CP_KAFKA_TAG:-8.3.0}"
STANDIN_REPO="user-activity-kafka/kafka-standin"
CP_STANDIN_REPO="user-activity-kafka/cp-kafka-standin"
SUITE=bookworm
BASE_IMAGE="user-activity-kafka/debian-base:${SUITE}-minbase"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE_DIR="${CI_DOCKER_CACHE:-${HOME:-/root}/.cache/ci-docker}"
BASE_TARBALL="$CACHE_DIR/debian-${SUITE}-minbase.tar"
export DOCKER_BUILDKIT=0 # the classic builder: docker.io 20.10 has no buildx

log() { echo "[build-images] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
t0=$SECONDS

docker info >/dev/null 2>&1 || die "docker does not answer; run install-docker.sh first"

# --- content hash: everything that goes into the image -------------------------
hash="$(
  {
    echo "kafka=$KAFKA_VERSION cp=$CP_KAFKA_TAG suite=$SUITE"
    cd "$IMAGE_SRC" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    sed -n '/^# --- build ---/,$p' "$HERE/build-images.sh"
  } | sha256sum | cut -c1-16
)"

APACHE_IMAGE="$STANDIN_REPO:$hash"
CP_IMAGE="$CP_STANDIN_REPO:${CP_KAFKA_TAG}-$hash"
label_of() { docker image inspect --format '{{ index .Config.Labels "ci.standin.hash" }}' "$1" 2>/dev/null || true; }
exports() { printf 'KAFKA_IMAGE=%s\nKAFKA_TEST_IMAGE=%s\n' "$CP_IMAGE" "$APACHE_IMAGE"; }

# Old tags: public names (and the former ci-local names) that this script's images carried, and stand-ins of
# other content hashes. Only tags of images with this script's label are removed; `docker rmi` of a tag
# leaves the image to its other tags.
for tag in "apache/kafka:${KAFKA_VERSION}" "confluentinc/cp-kafka:${CP_KAFKA_TAG}" "ci-local/kafka-standin:${KAFKA_VERSION}" \
  $(docker images --format '{{.Repository}}:{{.Tag}}' "$STANDIN_REPO" "$CP_STANDIN_REPO" 2>/dev/null || true); do
  [[ $tag == "$APACHE_IMAGE" || $tag == "$CP_IMAGE" ]] && continue
  if [[ -n $(label_of "$tag") ]]; then
    log "removing old stand-in tag $tag"
    docker rmi "$tag" >/dev/null || true
  fi
done

if [[ ${FORCE_REBUILD:-0} != 1 && $(label_of "$APACHE_IMAGE") == "$hash" && $(label_of "$CP_IMAGE") == "$hash" ]]; then
  log "up to date: $APACHE_IMAGE and $CP_IMAGE, nothing to do ($((SECONDS - t0))s)"
  exports
  exit 0
fi
log "building stand-in images (hash $hash)"

# --- build ---
# 1. Base image: debootstrap once, keep the tarball in the cache dir.
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  if [[ ! -s $BASE_TARBALL ]]; then
    command -v debootstrap >/dev/null || die "debootstrap missing; run install-docker.sh first"
    mkdir -p "$CACHE_DIR"
    rootfs="$(mktemp -d /var/tmp/debootstrap.XXXXXX)"
    log "debootstrap --variant=minbase $SUITE from $MIRROR (about 40s) ..."
    if ! debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR" >"$CACHE_DIR/debootstrap.log" 2>&1; then
      tail -n 20 "$CACHE_DIR/debootstrap.log" >&2
      rm -rf "$rootfs"
      die "debootstrap failed (log: $CACHE_DIR/debootstrap.log)"
    fi
    # Slimmer base: no apt lists or caches in the tarball.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -cf "$BASE_TARBALL.tmp" .
    mv "$BASE_TARBALL.tmp" "$BASE_TARBALL"
    rm -rf "$rootfs"
  else
    log "using cached $BASE_TARBALL"
  fi
  log "docker import -> $BASE_IMAGE"
  docker import --change 'CMD ["/bin/bash"]' "$BASE_TARBALL" "$BASE_IMAGE" >/dev/null
fi

# 2. Build context: the image sources plus Kafka's jars from Maven Central.
ctx="$(mktemp -d /var/tmp/kafka-image-ctx.XXXXXX)"
trap 'rm -rf "$ctx"' EXIT
cp -a "$IMAGE_SRC/." "$ctx/"
log "fetching Kafka $KAFKA_VERSION jars (mvn dependency:copy-dependencies) ..."
mkdir -p "$CACHE_DIR"
if ! mvn -B -Dstyle.color=never -f "$ctx/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$ctx/libs" \
  >"$CACHE_DIR/mvn.log" 2>&1; then
  tail -n 30 "$CACHE_DIR/mvn.log" >&2
  die "mvn could not fetch the Kafka jars (log: $CACHE_DIR/mvn.log)"
fi
rm -f "$ctx/pom.xml"

# 3. Every main class the image refers to must exist in those jars.
list_classes() {
  local j
  for j in "$ctx"/libs/*.jar; do
    if command -v unzip >/dev/null; then unzip -Z1 "$j"; else jar tf "$j"; fi
  done | grep '\.class$' | sed -e 's/\.class$//' -e 's|/|.|g'
}
list_classes | LC_ALL=C sort -u >"$ctx/classes.txt"
missing=0
while read -r class; do
  if ! grep -qxF "$class" "$ctx/classes.txt"; then
    log "main class missing from the jars: $class"
    missing=1
  fi
done < <(grep -v '^#' "$ctx/bin/tools.list" | awk 'NF { print $2 }'; printf '%s\n' kafka.Kafka kafka.docker.KafkaDockerWrapper)
rm -f "$ctx/classes.txt"
((missing == 0)) || die "tools.list names classes that Kafka $KAFKA_VERSION does not have"

# 4. The image, then the cp-kafka tag (same layers, other default command).
build_log="$CACHE_DIR/docker-build.log"
log "docker build -> $APACHE_IMAGE (log: $build_log)"
if ! docker build \
  --build-arg BASE_IMAGE="$BASE_IMAGE" \
  --build-arg KAFKA_VERSION="$KAFKA_VERSION" \
  --build-arg CONTENT_HASH="$hash" \
  -t "$APACHE_IMAGE" "$ctx" >"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  die "docker build failed"
fi
log "docker build -> $CP_IMAGE"
if ! printf 'FROM %s\nCMD ["/etc/confluent/docker/run"]\nLABEL ci.standin.hash="%s" ci.standin.flavour="cp-kafka"\n' \
  "$APACHE_IMAGE" "$hash" | docker build -t "$CP_IMAGE" - >>"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  die "docker build of the cp-kafka tag failed"
fi

# 5. Quick check: the tools run and report the expected version.
version="$(docker run --rm "$APACHE_IMAGE" kafka-topics --version 2>/dev/null | tr -d '\r')"
[[ $version == "$KAFKA_VERSION"* ]] || die "kafka-topics --version printed '$version', expected $KAFKA_VERSION"
docker image prune -f --filter label=ci.standin=kafka >/dev/null || true
log "built $APACHE_IMAGE and $CP_IMAGE (kafka-topics --version: $version) in $((SECONDS - t0))s"
exports
