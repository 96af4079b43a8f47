#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# minikernel: build a small kernel-like git repository for the owners tests:
# the real 6.1 MAINTAINERS entries and function definitions behind the #6641
# splat, in three commits where MAINTAINERS changes so the ref matters.
#   commit 1 (tag v1): CORETEMP maintained by "Old Coretemp <old@example.org>"
#   commit 2 (tag v2): CORETEMP maintained by Fenghua Yu (as in 6.1)
#   commit 3 (HEAD)  : a .mailmap rewrites Will Deacon's address
# Usage: minikernel.sh DIR   (DIR must not exist; DIR/.git is the repo)
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
git init -q -b master .
git config user.name "Mini Kernel"
git config user.email mini@example.org

maintainers() { # $1 = coretemp maintainer line
	cat <<EOT
List of maintainers and how to submit kernel changes
====================================================

Descriptions of section entries and preferred order
---------------------------------------------------

	M: *Mail* patches to: FullName <address@domain>
	F: *Files* and directories wildcard patterns.

Maintainers List
----------------

CORETEMP HARDWARE MONITORING DRIVER
$1
L:	linux-hwmon@vger.kernel.org
S:	Maintained
F:	Documentation/hwmon/coretemp.rst
F:	drivers/hwmon/coretemp.c

HARDWARE MONITORING
M:	Jean Delvare <jdelvare@suse.com>
M:	Guenter Roeck <linux@roeck-us.net>
L:	linux-hwmon@vger.kernel.org
S:	Maintained
W:	http://hwmon.wiki.kernel.org/
T:	git git://git.kernel.org/pub/scm/linux/kernel/git/groeck/linux-staging.git
F:	Documentation/ABI/testing/sysfs-class-hwmon
F:	Documentation/hwmon/
F:	drivers/hwmon/
F:	include/linux/hwmon*.h
K:	(devm_)?hwmon_device_(un)?register(|_with_groups|_with_info)

INTEL DRM DRIVERS (excluding Poulsbo, Moorestown and derivative chipsets)
M:	Jani Nikula <jani.nikula@linux.intel.com>
M:	Joonas Lahtinen <joonas.lahtinen@linux.intel.com>
M:	Rodrigo Vivi <rodrigo.vivi@intel.com>
M:	Tvrtko Ursulin <tvrtko.ursulin@linux.intel.com>
L:	intel-gfx@lists.freedesktop.org
S:	Supported
F:	drivers/gpu/drm/i915/

IOMMU DMA-API LAYER
M:	Robin Murphy <robin.murphy@arm.com>
L:	iommu@lists.linux.dev
S:	Maintained
T:	git git://git.kernel.org/pub/scm/linux/kernel/git/joro/iommu.git
F:	drivers/iommu/dma-iommu.c
F:	drivers/iommu/iova.c
F:	include/linux/iova.h

IOMMU SUBSYSTEM
M:	Joerg Roedel <joro@8bytes.org>
M:	Will Deacon <will@kernel.org>
R:	Robin Murphy <robin.murphy@arm.com>
L:	iommu@lists.linux.dev
S:	Maintained
T:	git git://git.kernel.org/pub/scm/linux/kernel/git/joro/iommu.git
F:	drivers/iommu/
F:	include/linux/iommu.h
F:	include/linux/iova.h

LOCKING PRIMITIVES
M:	Peter Zijlstra <peterz@infradead.org>
M:	Ingo Molnar <mingo@redhat.com>
M:	Will Deacon <will@kernel.org>
R:	Waiman Long <longman@redhat.com>
R:	Boqun Feng <boqun.feng@gmail.com> (LOCKDEP)
L:	linux-kernel@vger.kernel.org
S:	Maintained
F:	include/linux/lockdep.h
F:	kernel/locking/
X:	kernel/locking/locktorture.c

WORKQUEUE
M:	Tejun Heo <tj@kernel.org>
R:	Lai Jiangshan <jiangshanlai@gmail.com>
S:	Maintained
F:	include/linux/workqueue.h
F:	kernel/workqueue.c

THE REST
M:	Linus Torvalds <torvalds@linux-foundation.org>
L:	linux-kernel@vger.kernel.org
S:	Buried alive in reporters
T:	git git://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git
F:	*
F:	*/
EOT
}

mkdir -p drivers/hwmon drivers/iommu drivers/gpu/drm/i915 kernel/locking \
	include/linux Documentation/hwmon scripts
for f in COPYING CREDITS Kbuild Makefile README; do echo "$f" >"$f"; done
for d in arch fs init ipc lib; do mkdir -p $d && echo "$d" >$d/README; done
echo "# drivers/hwmon
obj-\$(CONFIG_SENSORS_CORETEMP)	+= coretemp.o
obj-\$(CONFIG_SENSORS_K10TEMP)	+= k10temp.o" >drivers/hwmon/Makefile
echo "obj-\$(CONFIG_IOMMU_IOVA) += iova.o
obj-\$(CONFIG_IOMMU_DMA) += dma-iommu.o" >drivers/iommu/Makefile
echo "obj-\$(CONFIG_DRM_I915) += i915.o
i915-y := i915_driver.o \\
	i915_irq.o" >drivers/gpu/drm/i915/Makefile
echo "obj-y = cpu.o workqueue.o
obj-\$(CONFIG_LOCKDEP) += locking/" >kernel/Makefile
echo "obj-\$(CONFIG_LOCKDEP) += lockdep.o" >kernel/locking/Makefile
cat >drivers/hwmon/coretemp.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0-only
#include <linux/hwmon.h>

static int coretemp_cpu_online(unsigned int cpu)
{
	struct platform_device *pdev = coretemp_get_pdev(cpu);

	return devm_hwmon_device_register_with_groups(&pdev->dev, "coretemp",
						      NULL, NULL) ? 0 : -1;
}

static int __init coretemp_init(void)
{
	return cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "hwmon/coretemp:online",
				 coretemp_cpu_online, NULL);
}
module_init(coretemp_init)
EOT
cat >drivers/hwmon/k10temp.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0
static int
k10temp_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return 0;
}
EOT
cat >drivers/iommu/iova.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0-only
#include <linux/iova.h>

static int iova_cpuhp_dead(unsigned int cpu, struct hlist_node *node)
{
	return 0;
}

int iova_domain_init_rcaches(struct iova_domain *iovad)
{
	return cpuhp_state_add_instance_nocalls(CPUHP_IOMMU_IOVA_DEAD,
						&iovad->cpuhp_dead);
}
EXPORT_SYMBOL_GPL(iova_domain_init_rcaches);
EOT
cat >drivers/iommu/dma-iommu.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0-only
int iommu_dma_init_domain(struct iommu_domain *domain, dma_addr_t base)
{
	return iova_domain_init_rcaches(&cookie->iovad);
}

static void iommu_dma_free(struct device *dev, size_t size)
{
}
EOT
cat >drivers/gpu/drm/i915/i915_driver.c <<'EOT'
// SPDX-License-Identifier: MIT
static int i915_driver_probe(struct pci_dev *pdev)
{
	return 0;
}

static int i915_pci_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	return i915_driver_probe(pdev);
}
EOT
cat >drivers/gpu/drm/i915/i915_irq.c <<'EOT'
// SPDX-License-Identifier: MIT
void intel_irq_init(struct drm_i915_private *dev_priv)
{
}
EOT
cat >kernel/cpu.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0
static int cpuhp_invoke_callback(unsigned int cpu, enum cpuhp_state state,
				 bool bringup, struct hlist_node *node,
				 struct hlist_node **lastp)
{
	return 0;
}

static void cpuhp_thread_fun(unsigned int cpu)
{
	cpuhp_invoke_callback(cpu, 0, true, NULL, NULL);
}

SYSCALL_DEFINE0(cpu_dummy)
{
	return 0;
}

int __cpuhp_setup_state(enum cpuhp_state state, const char *name)
{
	return 0;
}
EOT
cat >drivers/gpu/drm/i915/i915_hwmon.c <<'EOT'
// SPDX-License-Identifier: MIT
void i915_hwmon_register(struct drm_i915_private *i915)
{
	devm_hwmon_device_register_with_info(i915->drm.dev, "i915", NULL);
}
EOT
echo 'void torture(void) {}' >kernel/locking/locktorture.c
cat >kernel/workqueue.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0-only
static void process_one_work(struct worker *worker, struct work_struct *work)
{
}
EOT
cat >kernel/locking/lockdep.c <<'EOT'
// SPDX-License-Identifier: GPL-2.0-only
void lock_acquire(struct lockdep_map *lock, unsigned int subclass)
{
}
EOT
echo '#define HWMON_H' >include/linux/hwmon.h
echo 'CORETEMP docs' >Documentation/hwmon/coretemp.rst

maintainers "M:	Old Coretemp <old@example.org>" >MAINTAINERS
git add -A
git commit -q -m "mini kernel v1"
git tag v1
maintainers "M:	Fenghua Yu <fenghua.yu@intel.com>" >MAINTAINERS
git commit -q -am "MAINTAINERS: coretemp has a new maintainer"
git tag v2
echo "Will Deacon <will@kernel.org> <will.deacon@arm.com>
Will Deacon <will.deacon@example.org> <will@kernel.org>" >.mailmap
git add .mailmap
git commit -q -m "mailmap: Will moves"
